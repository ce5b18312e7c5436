using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions;
using SRegistry.Abstractions.Plugins;
using SRegistry.TestPlugins.LocalBuild;

[assembly: RegistryPlugin(typeof(LocalBuildPlugin))]

namespace SRegistry.TestPlugins.LocalBuild;

/// <summary>
/// Registers the <c>local-test</c> build backend. Settings (<c>Plugins:local-test</c>): <c>WorkDirectory</c>
/// where images are made (each build's image is kept there as <c>&lt;build id&gt;.sif</c> for tests to hash),
/// and <c>GateDirectory</c>: a build whose tag contains <c>hold</c> waits until a file named after its tag appears there.
/// A tag containing <c>corrupt</c> announces a wrong digest.
/// </summary>
public sealed class LocalBuildPlugin : IRegistryPlugin
{
    public const string Key = "local-test";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        var options = new LocalBuildOptions
        {
            WorkDirectory = context.Configuration["WorkDirectory"] ?? throw new InvalidOperationException("Set Plugins:local-test:WorkDirectory."),
            GateDirectory = context.Configuration["GateDirectory"] ?? "",
        };
        services.AddBuildBackend(Key, provider => ActivatorUtilities.CreateInstance<LocalBuildBackend>(provider, options));
    }
}
