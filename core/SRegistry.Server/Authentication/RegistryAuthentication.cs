using Microsoft.AspNetCore.Authentication;
using SRegistry.Server.Web;

namespace SRegistry.Server.Authentication;

/// <summary>
/// Who a request comes from: API clients send <c>Authorization</c> (an API token), browsers carry the
/// session cookie. The default scheme picks one by that header, so a request is never both.
/// </summary>
public static class RegistryAuthentication
{
    private const string DefaultScheme = "Registry";

    public static IServiceCollection AddRegistryAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "API token or session", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? ApiTokenAuthenticationHandler.SchemeName : WebSession.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddWebSession();
        services.AddAuthorization();
        return services;
    }
}
