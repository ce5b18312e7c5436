using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SRegistry.Core.Domain;

namespace SRegistry.Server.Web;

/// <summary>The web interface's sign-in session: an HttpOnly, SameSite cookie naming the user by id.</summary>
public static class WebSession
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static IServiceCollection AddWebSession(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "sregistry.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request came over HTTPS (behind a TLS proxy too, with forwarded headers).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/auth/sign-in";
            options.LogoutPath = "/auth/sign-out";
            options.AccessDeniedPath = "/auth/sign-in";
        });
        return services;
    }

    /// <summary>Signs the user in for this browser.</summary>
    public static Task SignInAsync(HttpContext context, User user) =>
        context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, user.UserName)],
            Scheme)));

    /// <summary>The signed-in user's id, or null.</summary>
    public static long? UserId(ClaimsPrincipal principal) =>
        principal.Identity?.AuthenticationType == Scheme
        && long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : null;
}
