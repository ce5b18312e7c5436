namespace SRegistry.PluginHost;

/// <summary>The <c>Plugins</c> configuration section: where plugins live and which ones run.</summary>
public sealed class PluginsOptions
{
    /// <summary>The configuration section the host binds to this class.</summary>
    public const string SectionName = "Plugins";

    /// <summary>The folder holding one published plugin per sub-folder, named by the plugin id.</summary>
    public string Directory { get; set; } = "";

    /// <summary>The ids of the plugins to load, in the order they are loaded and configured.</summary>
    public string[] Enabled { get; set; } = [];
}
