using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Plugins;
using SRegistry.Plugins.Saml;
using SRegistry.Abstractions.Hosting;

[assembly: RegistryPlugin(typeof(SamlPlugin))]

namespace SRegistry.Plugins.Saml;

/// <summary>SAML 2.0 single sign-on: a redirect-login scheme the sign-in page offers as a button, and the service provider metadata.</summary>
public sealed class SamlPlugin : IRegistryPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddOptions<SamlOptions>()
            .Bind(context.Configuration)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SamlOptions>, SamlOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient();
        services.AddDataProtection();
        services.AddSingleton<IdentityProviderSource>();
        services.AddSingleton<SamlRelayState>();
        // The button's label comes from configuration, which is read here once, as the scheme is registered.
        var displayName = context.Configuration[nameof(SamlOptions.DisplayName)] is { Length: > 0 } configured ? configured : new SamlOptions().DisplayName;
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SamlAuthenticationHandler>(SamlPaths.Scheme, displayName, null);
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(SamlPaths.Metadata, (IOptions<SamlOptions> options) =>
            Results.Text(ServiceProviderMetadata.Xml(options.Value), "application/samlmetadata+xml"))
            .WithMetadata(new PublicInPrivateModeAttribute()); // identity providers fetch it anonymously
}
