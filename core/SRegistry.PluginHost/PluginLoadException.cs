namespace SRegistry.PluginHost;

/// <summary>
/// A plugin cannot be loaded or configured. The server refuses to start; the message names the
/// plugin, the file involved and how to fix it.
/// </summary>
public sealed class PluginLoadException : Exception
{
    /// <summary>Creates the exception for the plugin with id <paramref name="pluginId"/>.</summary>
    public PluginLoadException(string pluginId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        PluginId = pluginId;
    }

    /// <summary>The id of the plugin that failed, as written in <c>Plugins:Enabled</c>.</summary>
    public string PluginId { get; }
}
