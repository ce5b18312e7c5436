namespace SRegistry.Abstractions;

/// <summary>The version of the plugin contract this assembly defines.</summary>
/// <remarks>
/// A plugin declares the version it was built against in its <c>plugin.json</c>
/// (<c>contractVersion</c>). The host loads it when the major versions are equal and the plugin's
/// minor version is not newer than the host's. Adding members bumps the minor version; changing or
/// removing one bumps the major version (and the assembly version with it).
/// </remarks>
public static class RegistryContract
{
    /// <summary>The contract version, <c>major.minor</c>.</summary>
    public static readonly Version Version = new(1, 0);
}
