namespace SRegistry.Server.Privacy;

/// <summary>Section <c>Registry</c>: registry-wide privacy.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Registry";

    /// <summary>
    /// Private mode: anonymous requests see nothing through any door (see <see cref="PrivateModeGate"/>),
    /// <c>robots.txt</c> disallows everything and responses say <c>noindex</c>. Off by default.
    /// </summary>
    public bool PrivateMode { get; set; }
}
