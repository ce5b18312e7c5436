namespace SRegistry.Server.Hosting;

/// <summary>The configuration sources shared by the server and the admin command line.</summary>
public static class RegistryConfigurationSources
{
    /// <summary>
    /// Adds <c>SREGISTRY_</c> environment variables (<c>SREGISTRY_DATA</c>,
    /// <c>SREGISTRY_Storage__Provider</c>, …) and then the command line again, so the command line
    /// still wins over every environment variable.
    /// </summary>
    public static IConfigurationBuilder AddRegistrySources(this IConfigurationBuilder configuration, string[] args) =>
        configuration.AddEnvironmentVariables("SREGISTRY_").AddCommandLine(args);
}
