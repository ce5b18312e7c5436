namespace SRegistry.PluginHost.Tests;

public sealed class PluginEntryPointTests : IDisposable
{
    private readonly PluginFolders folders = new();

    [Fact]
    public void Load_AssemblyWithoutPluginAttribute_NamesFileAndAttribute()
    {
        var assembly = Path.Combine(folders.Create("plain", "Plain.dll"), "Plain.dll");
        GeneratedAssemblies.WithoutPluginAttribute(assembly);

        LoadFailure.Assert(
            () => folders.Loader("plain").Load(),
            "plain",
            assembly,
            "has no [assembly: RegistryPlugin(typeof(...))] attribute",
            "Add the attribute");
    }

    [Fact]
    public void Load_EntryTypeNotAPlugin_NamesTypeAndFix()
    {
        var assembly = Path.Combine(folders.Create("odd", "Odd.dll"), "Odd.dll");
        GeneratedAssemblies.WithEntryTypeNotAPlugin(assembly);

        LoadFailure.Assert(
            () => folders.Loader("odd").Load(),
            "odd",
            assembly,
            "Generated.NotAPlugin",
            "does not implement IRegistryPlugin",
            "Make it a public, non-abstract class implementing IRegistryPlugin with a public parameterless constructor.");
    }

    [Fact]
    public void Load_EntryTypeWithoutPublicConstructor_NamesTypeAndFix()
    {
        var assembly = Path.Combine(folders.Create("shy", "Shy.dll"), "Shy.dll");
        GeneratedAssemblies.WithEntryTypeWithoutPublicConstructor(assembly);

        LoadFailure.Assert(
            () => folders.Loader("shy").Load(),
            "shy",
            assembly,
            "Generated.PrivateConstructorPlugin",
            "has no public parameterless constructor",
            "Make it a public, non-abstract class implementing IRegistryPlugin with a public parameterless constructor.");
    }

    public void Dispose() => folders.Dispose();
}
