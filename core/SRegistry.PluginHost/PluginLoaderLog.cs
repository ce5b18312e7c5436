using Microsoft.Extensions.Logging;

namespace SRegistry.PluginHost;

internal static partial class PluginLoaderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded plugin {PluginId} {Version} from {Directory}")]
    public static partial void PluginLoaded(ILogger logger, string pluginId, string version, string directory);
}
