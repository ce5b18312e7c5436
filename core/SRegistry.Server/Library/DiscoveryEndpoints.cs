using System.Reflection;
using Microsoft.Extensions.Options;
using SRegistry.Core.Accounts;
using SRegistry.Server.Privacy;

namespace SRegistry.Server.Library;

/// <summary>What <c>singularity remote add/login/status</c> asks before anything else.</summary>
public static class DiscoveryEndpoints
{
    private static readonly string ServerVersion =
        typeof(DiscoveryEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapLibraryDiscovery(this IEndpointRouteBuilder endpoints)
    {
        // Unwrapped, and every value an object with an absolute uri: the client refuses anything else.
        endpoints.MapGet("/assets/config/config.prod.json", (HttpRequest request) =>
        {
            var self = new { uri = $"{request.Scheme}://{request.Host}" };
            return Results.Json(new { libraryAPI = self, keystoreAPI = self, tokenAPI = self }, LibraryResults.Json);
        }).PublicInPrivateMode(); // `remote add` reads it before any token exists; it names only this server.

        endpoints.MapGet("/version", (IOptions<LibraryOptions> options) =>
            LibraryResults.Data(new { version = ServerVersion, apiVersion = options.Value.ApiVersion })).PublicInPrivateMode();

        // Only the status is read: 200 for a working token, 404 otherwise.
        endpoints.MapGet("/v1/token-status", (HttpContext context) =>
            HasToken(context)
                ? LibraryResults.Data(new { status = "valid" })
                : LibraryResults.Error(StatusCodes.Status404NotFound, "The token is not valid."));

        endpoints.MapGet("/v1/rbac/users/current", async (HttpContext context, AccountService accounts) =>
        {
            if (!HasToken(context))
            {
                return LibraryResults.Error(StatusCodes.Status401Unauthorized, "Sign in with a token: singularity remote login.");
            }

            var user = await accounts.GetUserAsync(context.User.Identity!.Name!, context.RequestAborted);
            return Results.Json(
                new { username = user!.UserName, email = user.Email ?? "", realname = user.DisplayName ?? user.UserName, oidc_user_meta = new { secret = "" } },
                LibraryResults.Json);
        });

        // Clients fall back to the library API when there is no OCI redirect.
        endpoints.MapGet("/v1/oci-redirect", () => LibraryResults.Error(StatusCodes.Status404NotFound, "No OCI redirect: use the library API."));
        return endpoints;
    }

    // The library door takes API tokens only; a browser's session cookie is not a token.
    private static bool HasToken(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: Authentication.ApiTokenAuthenticationHandler.SchemeName };
}
