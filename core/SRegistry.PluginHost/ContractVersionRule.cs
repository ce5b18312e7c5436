namespace SRegistry.PluginHost;

/// <summary>The compatibility rule of <see cref="SRegistry.Abstractions.RegistryContract"/>.</summary>
internal static class ContractVersionRule
{
    /// <summary>Same major version, and a minor version no newer than the host's.</summary>
    public static bool IsSatisfiedBy(Version pluginBuiltAgainst, Version host) =>
        pluginBuiltAgainst.Major == host.Major && pluginBuiltAgainst.Minor <= host.Minor;

    public static string Format(Version version) => $"{version.Major}.{Math.Max(version.Minor, 0)}";
}
