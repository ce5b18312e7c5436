using Microsoft.AspNetCore.Authentication;
using SRegistry.Abstractions.Authentication;
using SRegistry.Server.Web;

namespace SRegistry.Server.Authentication;

/// <summary>
/// Who a request comes from: API clients send <c>Authorization</c> (an API token), browsers carry the
/// session cookie. The default scheme picks one by that header, so a request is never both. Plugins
/// add redirect-login schemes with a display name; the sign-in page offers each as a button.
/// </summary>
public static class RegistryAuthentication
{
    private const string DefaultScheme = "Registry";

    public static IServiceCollection AddRegistryAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, null, options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? ApiTokenAuthenticationHandler.SchemeName : WebSession.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            // Holds a redirect login (a plugin's scheme) for the few seconds until the core maps it to an account.
            .AddCookie(RegistryAuthenticationSchemes.External, options =>
            {
                options.Cookie.Name = "sregistry.external";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(10);
            });
        services.AddWebSession();
        services.AddAuthorization();
        return services;
    }
}
