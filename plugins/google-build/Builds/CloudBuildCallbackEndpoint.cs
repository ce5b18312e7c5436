using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Builds;

namespace SRegistry.Plugins.GoogleBuild.Builds;

/// <summary>
/// <c>POST /plugins/google-build/builds/notify</c>: a Pub/Sub push subscription on Cloud Build's
/// <c>cloud-builds</c> topic (or anything else) says a build changed. The caller proves it knows the
/// callback secret (<c>?token=</c>, as Pub/Sub push endpoints are configured, or a bearer header);
/// only the build id is taken from the body, and the status is then asked from Cloud Build itself.
/// </summary>
public sealed partial class CloudBuildCallbackEndpoint(IEnumerable<IBuildBackend> backends, CloudBuildCompletion completion, IOptions<GoogleBuildOptions> options)
{
    /// <summary>The path the callback is mapped at.</summary>
    public const string Path = "/plugins/google-build/builds/notify";

    private const int MaxBodyBytes = 64 * 1024;
    private readonly byte[] _secretHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.CallbackSecret));
    private readonly bool _enabled = options.Value.CallbackSecret.Length > 0 && backends.OfType<CloudBuildBackend>().Any();

    /// <summary>Handles one notification.</summary>
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (!_enabled) return Results.NotFound();
        if (!Authenticated(context.Request)) return Results.Problem(statusCode: 401, title: "Unauthorized", detail: "Send the callback secret as ?token= or Authorization: Bearer.");

        var id = await ReadBuildIdAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (id is null || !BuildIdPattern().IsMatch(id))
            return Results.Problem(statusCode: 400, title: "No build named",
                detail: "Send a Pub/Sub push message whose attributes.buildId (or data, a Cloud Build build as JSON, with its id) names the build.");
        await completion.CheckAsync(id, context.RequestAborted).ConfigureAwait(false);
        return Results.NoContent();
    }

    private bool Authenticated(HttpRequest request)
    {
        var presented = request.Query["token"].ToString();
        if (presented.Length == 0 && request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.Ordinal))
            presented = header["Bearer ".Length..];
        // Hashes have equal lengths, so the comparison takes the same time whatever was sent.
        return presented.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _secretHash);
    }

    private static async Task<string?> ReadBuildIdAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        // Read at most one byte more than allowed, so a chunked body cannot make the server buffer more.
        var body = new byte[MaxBodyBytes + 1];
        int length = 0, read;
        while (length < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0) length += read;
        if (length > MaxBodyBytes) return null;
        try
        {
            using var json = JsonDocument.Parse(body.AsMemory(0, length));
            if (!json.RootElement.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object) return null;
            if (message.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object
                && attributes.TryGetProperty("buildId", out var buildId) && buildId.ValueKind == JsonValueKind.String)
                return buildId.GetString();
            if (!message.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String) return null;
            using var build = JsonDocument.Parse(Convert.FromBase64String(data.GetString()!));
            return build.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[0-9a-fA-F-]{36}$")]
    private static partial Regex BuildIdPattern();
}
