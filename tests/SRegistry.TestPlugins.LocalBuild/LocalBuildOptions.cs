namespace SRegistry.TestPlugins.LocalBuild;

/// <summary>Where the test backend works, and where tests drop the files that release held builds.</summary>
public sealed class LocalBuildOptions
{
    public string WorkDirectory { get; set; } = "";

    public string GateDirectory { get; set; } = "";
}
