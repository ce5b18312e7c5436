namespace SRegistry.Abstractions.Plugins;

/// <summary>
/// Names the plugin's entry type, so the host never scans types:
/// <c>[assembly: RegistryPlugin(typeof(MyPlugin))]</c>.
/// </summary>
/// <param name="entryType">A public, non-abstract class implementing <see cref="IRegistryPlugin"/>
/// with a public parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class RegistryPluginAttribute(Type entryType) : Attribute
{
    /// <summary>The type the host instantiates.</summary>
    public Type EntryType { get; } = entryType;
}
