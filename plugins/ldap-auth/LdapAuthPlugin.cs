using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions;
using SRegistry.Abstractions.Plugins;
using SRegistry.Plugins.LdapAuth;

[assembly: RegistryPlugin(typeof(LdapAuthPlugin))]

namespace SRegistry.Plugins.LdapAuth;

/// <summary>LDAP / Active Directory password login.</summary>
public sealed class LdapAuthPlugin : IRegistryPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddOptions<LdapAuthOptions>()
            .Bind(context.Configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LdapAuthOptions>, LdapAuthOptionsValidator>();
        services.AddSingleton<LdapConnector>();
        services.AddPasswordAuthenticator<LdapPasswordAuthenticator>();
    }
}
