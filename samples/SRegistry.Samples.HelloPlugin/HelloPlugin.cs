using System.Reflection;
using System.Runtime.Loader;
using Humanizer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Plugins;

// The server reads plugin.json, loads the assembly it names and creates the type this attribute
// names. It never scans for types, so this line is what makes the assembly a plugin.
[assembly: RegistryPlugin(typeof(SRegistry.Samples.HelloPlugin.HelloPlugin))]

namespace SRegistry.Samples.HelloPlugin;

/// <summary>The smallest plugin: one validated option, one endpoint, one private dependency.</summary>
public sealed class HelloPlugin : IRegistryPlugin
{
    /// <summary>Called once before the server is built; registers services only, starts nothing.</summary>
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        // context.Configuration is this plugin's own section (Plugins:hello). ValidateOnStart makes
        // a bad value stop the server at start instead of failing the first request.
        services.AddOptions<HelloOptions>()
            .Bind(context.Configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();

    /// <summary>Called once after the server is built. Routes live under /plugins/{id}/.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/plugins/hello/greeting", (IOptions<HelloOptions> options) => new
        {
            // "HelloPlugin" → "hello plugin": Humanizer 2.8.26, loaded from this plugin's folder.
            Message = $"{options.Value.Greeting} from the {nameof(HelloPlugin).Humanize(LetterCasing.LowerCase)}",
            HumanizerVersion = typeof(LetterCasing).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0],
            // Each plugin runs in its own load context, named after the plugin id.
            LoadContext = AssemblyLoadContext.GetLoadContext(typeof(HelloPlugin).Assembly)?.Name,
        });
}
