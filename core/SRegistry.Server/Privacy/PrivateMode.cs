using SRegistry.Abstractions.Hosting;

namespace SRegistry.Server.Privacy;

/// <summary>Registration of private mode: its options, the gate, door tags and <c>robots.txt</c>.</summary>
public static class PrivateMode
{
    public static IServiceCollection AddPrivateMode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.SectionName)).ValidateOnStart();
        services.AddScoped<PrivateModeCredentials>();
        services.AddSingleton<PrivateModeRefusals>();
        return services;
    }

    /// <summary>The gate; it must come after authentication (it reads the request's user) and before anything that answers requests.</summary>
    public static IApplicationBuilder UsePrivateMode(this IApplicationBuilder app) => app.UseMiddleware<PrivateModeGate>();

    /// <summary>A route group whose endpoints belong to <paramref name="door"/>.</summary>
    public static RouteGroupBuilder MapDoor(this IEndpointRouteBuilder endpoints, RegistryDoor door) =>
        endpoints.MapGroup("").WithMetadata(new RegistryDoorMetadata(door));

    /// <summary>Marks an endpoint as answering anonymous requests in private mode (see <see cref="PublicInPrivateModeAttribute"/>).</summary>
    public static TBuilder PublicInPrivateMode<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicInPrivateModeAttribute());

    /// <summary><c>/robots.txt</c>: everything disallowed in private mode; none (404) otherwise, as before.</summary>
    public static IEndpointRouteBuilder MapRobotsTxt(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", (Microsoft.Extensions.Options.IOptions<PrivacyOptions> options) =>
            options.Value.PrivateMode ? Results.Text("User-agent: *\nDisallow: /\n", "text/plain; charset=utf-8") : Results.NotFound())
            .PublicInPrivateMode().ExcludeFromDescription();
        return endpoints;
    }
}
