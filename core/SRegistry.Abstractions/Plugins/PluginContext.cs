using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace SRegistry.Abstractions.Plugins;

/// <summary>What the host tells a plugin about itself while it configures services.</summary>
/// <param name="Id">The plugin id: its folder name and its <c>plugin.json</c> id.</param>
/// <param name="Configuration">The plugin's own section, <c>Plugins:{Id}</c>; never the whole configuration.</param>
/// <param name="Directory">The folder the plugin was loaded from (for files it ships).</param>
/// <param name="Environment">The host environment (name, content root).</param>
public sealed record PluginContext(string Id, IConfiguration Configuration, string Directory, IHostEnvironment Environment);
