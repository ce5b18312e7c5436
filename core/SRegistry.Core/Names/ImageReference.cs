using System.Diagnostics.CodeAnalysis;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Names;

/// <summary>
/// A parsed image reference: <c>[[entity/]collection/]container</c> followed by <c>:tag</c>,
/// <c>:sha256.&lt;hex&gt;</c> or <c>@sha256:&lt;hex&gt;</c>.
/// </summary>
/// <remarks>
/// <para>Missing parts map to the <c>default</c> entity (<see cref="Domain.Entity.DefaultName"/>), the same on every door:</para>
/// <list type="bullet">
/// <item><c>entity/collection/container</c> — as written.</item>
/// <item><c>collection/container</c> — entity <c>default</c> (sregistry-cli and <c>shub://</c> refs).</item>
/// <item><c>container</c> — entity <c>default</c>, collection <c>default</c>.</item>
/// </list>
/// <para>
/// Without a tag or digest the tag is <see cref="DefaultTag"/>. A tag that starts with <c>sha256.</c>
/// is the library API's spelling of a digest and must be a valid one. Exactly one of
/// <see cref="Tag"/> and <see cref="Digest"/> is set.
/// </para>
/// </remarks>
public sealed record ImageReference
{
    /// <summary>The tag used when a reference names neither a tag nor a digest.</summary>
    public const string DefaultTag = "latest";

    /// <summary>The collection that one-part references resolve to (inside the <c>default</c> entity).</summary>
    public const string DefaultCollection = "default";

    private ImageReference(string entity, string collection, string container, string? tag, BlobDigest? digest)
    {
        Entity = entity;
        Collection = collection;
        Container = container;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The entity (namespace), <c>default</c> when the reference names none.</summary>
    public string Entity { get; }

    /// <summary>The collection, <c>default</c> when the reference names only a container.</summary>
    public string Collection { get; }

    /// <summary>The container.</summary>
    public string Container { get; }

    /// <summary>The tag, or null when the reference names a digest.</summary>
    public string? Tag { get; }

    /// <summary>The digest, or null when the reference names a tag.</summary>
    public BlobDigest? Digest { get; }

    /// <summary>
    /// Parses <paramref name="text"/>. Returns false with a message saying what is wrong for anything
    /// else: empty text, empty parts (<c>a//b</c>), more than three parts, invalid names, tags or digests.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference, out string error)
    {
        reference = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "The image reference is empty; expected [[entity/]collection/]container[:tag].";
            return false;
        }

        if (!TrySplitVersion(text, out var path, out var tag, out var digest, out error))
            return false;

        var parts = path.Split('/');
        if (parts.Length > 3)
        {
            error = $"The image reference '{NameValidation.Shown(text)}' has {parts.Length} parts; at most 3 are allowed (entity/collection/container).";
            return false;
        }

        if (parts.Any(p => p.Length == 0))
        {
            error = $"The image reference '{NameValidation.Shown(text)}' has an empty part; write container, collection/container or entity/collection/container.";
            return false;
        }

        var (entity, collection, container) = parts.Length switch
        {
            3 => (parts[0], parts[1], parts[2]),
            2 => (Domain.Entity.DefaultName, parts[0], parts[1]),
            _ => (Domain.Entity.DefaultName, DefaultCollection, parts[0]),
        };

        if (!NameValidation.TryValidatePart(entity, "entity name", out error)
            || !NameValidation.TryValidatePart(collection, "collection name", out error)
            || !NameValidation.TryValidatePart(container, "container name", out error))
            return false;

        reference = new ImageReference(entity, collection, container, tag, digest);
        return true;
    }

    /// <summary>The canonical form, <c>entity/collection/container:tag</c> or <c>entity/collection/container@sha256:hex</c>.</summary>
    public override string ToString() =>
        $"{Entity}/{Collection}/{Container}" + (Digest is { } d ? "@" + d : ":" + Tag);

    private static bool TrySplitVersion(string text, out string path, out string? tag, out BlobDigest? digest, out string error)
    {
        tag = null;
        digest = null;
        error = string.Empty;

        var at = text.IndexOf('@');
        if (at >= 0)
        {
            path = text[..at];
            if (path.Contains(':'))
                return Refuse(text, "names both a tag and a digest; give one of them", out error);
            return TryParseDigest(text, text[(at + 1)..], out digest, out error);
        }

        // A colon before the last slash would be a registry host:port, which no door passes here.
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            path = text;
            tag = DefaultTag;
            return true;
        }

        path = text[..colon];
        var version = text[(colon + 1)..];
        if (path.Contains(':') || version.Contains('/'))
            return Refuse(text, "has a ':' that does not introduce a tag", out error);
        if (version.StartsWith("sha256.", StringComparison.OrdinalIgnoreCase))
            return TryParseDigest(text, version, out digest, out error);
        if (!NameValidation.TryValidateTag(version, out error))
            return false;
        tag = version;
        return true;
    }

    private static bool TryParseDigest(string text, string version, out BlobDigest? digest, out string error)
    {
        digest = null;
        var prefixed = version.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase)
            || version.StartsWith("sha256.", StringComparison.OrdinalIgnoreCase);
        if (!prefixed || !BlobDigest.TryParse(version, out var parsed))
            return Refuse(text, "has an invalid digest; expected sha256:<64 hex characters> or sha256.<64 hex characters>", out error);
        digest = parsed;
        error = string.Empty;
        return true;
    }

    private static bool Refuse(string text, string problem, out string error)
    {
        error = $"The image reference '{NameValidation.Shown(text)}' {problem}.";
        return false;
    }
}
