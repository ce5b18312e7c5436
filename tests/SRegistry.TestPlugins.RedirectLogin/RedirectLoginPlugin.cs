using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Plugins;
using SRegistry.TestPlugins.RedirectLogin;

[assembly: RegistryPlugin(typeof(RedirectLoginPlugin))]

namespace SRegistry.TestPlugins.RedirectLogin;

/// <summary>Registers the "Test IdP" redirect-login scheme, as a SAML or OpenID Connect plugin would.</summary>
public sealed class RedirectLoginPlugin : IRegistryPlugin
{
    public const string Scheme = "test-idp";

    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestIdentityProviderHandler>(Scheme, "Test IdP", null);
}
