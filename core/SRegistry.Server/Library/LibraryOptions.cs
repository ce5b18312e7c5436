namespace SRegistry.Server.Library;

/// <summary>Settings of the library API door (section <c>Library</c>).</summary>
public sealed class LibraryOptions
{
    /// <summary>
    /// The apiVersion advertised on <c>/version</c>. 2.0.0-alpha.2 makes clients use v2 uploads and
    /// arch-aware tags; an older value (e.g. 1.0.0) makes them use the legacy v1 paths.
    /// </summary>
    public string ApiVersion { get; set; } = "2.0.0-alpha.2";

    /// <summary>Whether collections created through the library API start private.</summary>
    public bool DefaultPrivate { get; set; }
}
