using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace SRegistry.Plugins.GoogleBuild.Tests.Fakes;

/// <summary>
/// Google's documented HTTP endpoints that the plugin uses, served by Kestrel on 127.0.0.1: the OAuth
/// token endpoint (JWT bearer grant, RS256 verified with the account's public key), the metadata
/// server's token, the Cloud Storage JSON API and V4 signed URLs (<see cref="Storage"/>) and Cloud
/// Build v1 (<see cref="Builds"/>). Every request is recorded; API calls need a token it issued.
/// </summary>
public sealed class FakeGoogleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, byte> _issuedTokens = new();

    private FakeGoogleServer(WebApplication app, string directory)
    {
        _app = app;
        Storage = new FakeCloudStorage(directory, this);
        Builds = new FakeCloudBuild();
    }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri TokenUri => new(BaseUrl, "token");

    public FakeCloudStorage Storage { get; }

    public FakeCloudBuild Builds { get; }

    /// <summary>Public keys of service accounts whose assertions the token endpoint accepts, by e-mail.</summary>
    public ConcurrentDictionary<string, RSA> TrustedAccounts { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyCollection<string> IssuedTokens => [.. _issuedTokens.Keys];

    /// <summary>How many tokens the metadata server issued (each only with Metadata-Flavor: Google).</summary>
    public int MetadataTokensIssued { get; private set; }

    public static async Task<FakeGoogleServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64L << 20);
        var app = builder.Build();
        var server = new FakeGoogleServer(app, Directory.CreateTempSubdirectory("sregistry-fake-gcs-").FullName);
        app.Run(server.DispatchAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First() + "/");
        return server;
    }

    public TestServiceAccount CreateTrustedAccount()
    {
        var account = new TestServiceAccount(TokenUri);
        TrustedAccounts[account.Email] = account.Key;
        return account;
    }

    /// <summary>Requests to paths starting with <paramref name="prefix"/>, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string prefix) => [.. Requests.Where(r => r.Path.StartsWith(prefix, StringComparison.Ordinal))];

    public bool IsIssuedToken(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.Ordinal) && _issuedTokens.ContainsKey(authorization["Bearer ".Length..]);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Storage.Dispose();
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var isMedia = context.Request.ContentType is null or "application/octet-stream" && context.Request.Method == "PUT";
        var body = "";
        if (!isMedia && context.Request.ContentLength is null or < 65536)
        {
            context.Request.EnableBuffering();
            body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
        }

        var request = new RecordedRequest(context.Request.Method, target, context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body);
        _requests.Enqueue(request);
        var path = request.Path.Split('/').Skip(1).Select(Uri.UnescapeDataString).ToArray();

        if (path is ["token"]) await IssueTokenAsync(context, body);
        else if (path is ["computeMetadata", "v1", "instance", "service-accounts", "default", "token"]) await IssueMetadataTokenAsync(context);
        else if (context.Request.Query.ContainsKey("X-Goog-Signature")) await Storage.ServeSignedAsync(context, request, path);
        else if (!IsIssuedToken(request.Authorization)) await WriteErrorAsync(context, HttpStatusCode.Unauthorized, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
        else if (path is ["storage", "v1", ..] or ["upload", "storage", "v1", ..]) await Storage.ServeAsync(context, request, path);
        else if (path is ["v1", "projects", ..]) await Builds.ServeAsync(context, request, path);
        else await WriteErrorAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", $"No fake for {request.Method} {request.Path}.");
    }

    private async Task IssueTokenAsync(HttpContext context, string body)
    {
        var form = System.Web.HttpUtility.ParseQueryString(body);
        var failure = form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer"
            ? "unsupported_grant_type"
            : FakeJwtAssertion.Verify(form["assertion"] ?? "", TrustedAccounts);
        if (failure is not null)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_grant", error_description = failure });
            return;
        }

        await context.Response.WriteAsJsonAsync(new { access_token = NewToken(), token_type = "Bearer", expires_in = 3600 });
    }

    private async Task IssueMetadataTokenAsync(HttpContext context)
    {
        if (context.Request.Headers["Metadata-Flavor"] != "Google")
        {
            context.Response.StatusCode = 403;
            return;
        }

        MetadataTokensIssued++;
        await context.Response.WriteAsJsonAsync(new { access_token = NewToken(), token_type = "Bearer", expires_in = 3600 });
    }

    private string NewToken()
    {
        var token = "ya29.fake-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _issuedTokens[token] = 0;
        return token;
    }

    internal static async Task WriteErrorAsync(HttpContext context, HttpStatusCode status, string reason, string message)
    {
        context.Response.StatusCode = (int)status;
        await context.Response.WriteAsJsonAsync(new { error = new { code = (int)status, message, status = reason } });
    }
}
