using SRegistry.Server.Uploads;

namespace SRegistry.Server.Web;

/// <summary>The server-rendered web interface: Razor Pages under Web/Pages, its assets and its security headers.</summary>
public static class WebInterface
{
    public static IServiceCollection AddWebInterface(this IServiceCollection services)
    {
        services.AddRazorPages(options => options.RootDirectory = "/Web/Pages");
        services.AddScoped<WebCallers>();
        services.AddSingleton<LoginSchemes>();
        services.AddSingleton<SignInRefusals>();
        services.AddSingleton<SRegistry.Abstractions.Authentication.IExternalSignInRefusals>(s => s.GetRequiredService<SignInRefusals>());
        services.AddSpooledPush();
        return services;
    }

    public static IEndpointRouteBuilder MapWebInterface(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        endpoints.MapWebAssets();
        endpoints.MapBrowserUpload();
        return endpoints;
    }
}
