using SRegistry.Server.Authentication;
using SRegistry.Server.Oci;
using SRegistry.Server.SRegistryCli;
using SRegistry.Server.Web;

namespace SRegistry.Server.Privacy;

/// <summary>
/// Whether a request carries credentials of a registry account that the door it goes to takes. Only
/// that door's own kind counts, so a credential one door accepts cannot open another door that would
/// then treat the request as anonymous (a browser session at the library API, a signature at the REST API).
/// </summary>
public sealed class PrivateModeCredentials(WebCallers webCallers, OciCredentials ociCredentials)
{
    public async Task<bool> PresentAsync(HttpContext context, RegistryDoor door) => door switch
    {
        RegistryDoor.Library or RegistryDoor.RestApi => HasApiToken(context),
        RegistryDoor.Oci => await HasOciIdentityAsync(context),

        // The signature covers values inside the request, so the door itself checks it, and every
        // sregistry-cli endpoint refuses a bad one before it reads anything (HmacAuthenticator).
        RegistryDoor.SRegistryCli => HasApiToken(context) || HmacCredential.TryParse(context.Request.Headers.Authorization.ToString(), out _),
        _ => !(await webCallers.ForAsync(context)).IsAnonymous,
    };

    // Set by the default authentication scheme, which took the bearer token (ApiTokenAuthenticationHandler).
    private static bool HasApiToken(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiTokenAuthenticationHandler.SchemeName };

    private async Task<bool> HasOciIdentityAsync(HttpContext context)
    {
        var identity = await ociCredentials.IdentifyAsync(context.Request, context.RequestAborted);
        return !identity.Failed && !identity.Caller.IsAnonymous;
    }
}
