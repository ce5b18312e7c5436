namespace SRegistry.Abstractions;

/// <summary>The version of the plugin contract this assembly defines.</summary>
/// <remarks>
/// A plugin declares the version it was built against in its <c>plugin.json</c>
/// (<c>contractVersion</c>). The host loads it when the major versions are equal and the plugin's
/// minor version is not newer than the host's. Adding members bumps the minor version; changing or
/// removing one bumps the major version. The single source is this assembly's
/// <c>AssemblyVersion</c> in its project file, so the manifest rule and the assembly-reference
/// check can never disagree.
/// </remarks>
public static class RegistryContract
{
    /// <summary>The contract version, <c>major.minor</c>.</summary>
    public static Version Version { get; } = MajorMinor(typeof(RegistryContract).Assembly.GetName().Version!);

    private static Version MajorMinor(Version version) => new(version.Major, version.Minor);
}
