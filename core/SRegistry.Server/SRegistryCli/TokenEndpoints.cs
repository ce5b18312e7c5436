using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Server.Authentication;
using SRegistry.Server.Privacy;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// Where users get the token for <c>~/.sregistry</c> (see <see cref="SRegistryCliKeys"/> for what it is),
/// and the server's identity.
/// </summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapSRegistryCliTokens(this IEndpointRouteBuilder endpoints)
    {
        // User name and password (form or JSON, as Django REST framework's view takes them) → a new API
        // token, named sregistry-cli-<time>, whose sregistry-cli token is answered. Its own secret is never
        // shown: revoking that token by name ends the sregistry-cli token.
        endpoints.MapPost("/api/api-token-auth/", async (HttpContext context, PasswordSignIn signIn, ApiTokenService tokens, SRegistryCliKeys keys, TimeProvider time) =>
        {
            var (userName, password) = await ReadCredentialsAsync(context.Request);
            var signedIn = await signIn.SignInAsync(userName ?? "", password ?? "", context.RequestAborted);
            if (!signedIn.Succeeded)
                return SRegistryCliResults.Message(StatusOf(signedIn.Outcome), signedIn.Message);

            var user = signedIn.User;
            var name = "sregistry-cli-" + time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
            var created = await tokens.CreateAsync(user.UserName, name, [], null, new Actor(user.Id, user.UserName), context.RequestAborted);
            return created.Succeeded
                ? SRegistryCliResults.Ok(new { token = keys.Derive(created.Value.Token), name })
                : SRegistryCliResults.Failure(created.Error, created.Message);
        }).PublicInPrivateMode(); // Signing in: it needs a password, and a wrong one says nothing else.

        // For users who already made an API token (web page, admin command line): its sregistry-cli token.
        endpoints.MapGet("/api/token", async (HttpContext context, SRegistryCliKeys keys) =>
        {
            var result = await context.AuthenticateAsync(ApiTokenAuthenticationHandler.SchemeName);
            if (context.Items[typeof(ApiToken)] is not ApiToken token)
                return SRegistryCliResults.Message(StatusCodes.Status401Unauthorized,
                    result.Failure?.Message ?? "Send 'Authorization: Bearer <API token>' to get that token's sregistry-cli token.");
            return SRegistryCliResults.Ok(new { token = keys.Derive(token), username = token.User.UserName });
        });

        endpoints.MapGet("/api/registry/identity", (HttpContext context) => SRegistryCliResults.Ok(new
        {
            name = "SRegistry",
            url = $"{context.Request.Scheme}://{context.Request.Host}",
            version = typeof(TokenEndpoints).Assembly.GetName().Version?.ToString() ?? "",
            api = "sregistry-cli",
        }));
        return endpoints;
    }

    // A directory outage is the server's trouble, not a wrong password: 503 tells clients to retry.
    private static int StatusOf(PasswordSignInOutcome outcome) => outcome switch
    {
        PasswordSignInOutcome.DirectoryUnavailable => StatusCodes.Status503ServiceUnavailable,
        PasswordSignInOutcome.Refused => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    private static async Task<(string? UserName, string? Password)> ReadCredentialsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return (form["username"].FirstOrDefault(), form["password"].FirstOrDefault());
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return (Text(body.RootElement, "username"), Text(body.RootElement, "password"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
