using System.Diagnostics.CodeAnalysis;
using SRegistry.Core.Names;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// An sregistry-cli container path, <c>&lt;collection&gt;/&lt;name&gt;[:tag][@version]</c>, as the
/// <see cref="ImageReference"/> it names in the <c>default</c> entity, plus the values the client signed.
/// </summary>
/// <param name="Reference">The image reference (entity <c>default</c>); a version wins over a tag.</param>
/// <param name="Collection">The collection as the client signed it.</param>
/// <param name="Name">The container name as the client signed it.</param>
/// <param name="Tag">The tag as the client signed it (<c>latest</c> when absent).</param>
public sealed record ContainerUri(ImageReference Reference, string Collection, string Name, string Tag)
{
    /// <summary>Parses the path after <c>/api/container/</c>.</summary>
    public static bool TryParse(string? path, [NotNullWhen(true)] out ContainerUri? uri, out string error)
    {
        uri = null;
        path ??= "";
        string? version = null;
        var at = path.IndexOf('@');
        if (at >= 0)
        {
            version = path[(at + 1)..];
            path = path[..at];
        }

        var colon = path.LastIndexOf(':');
        var tag = colon >= 0 ? path[(colon + 1)..] : ImageReference.DefaultTag;
        var names = colon >= 0 ? path[..colon] : path;
        if (names.Split('/') is not [var collection, var name])
        {
            error = $"'{path}' is not <collection>/<name>[:tag][@version].";
            return false;
        }

        // The version is the image's sha256 (pulls report sha256.<hex>; sha256:<hex> and bare hex are accepted
        // too), so it becomes a digest reference.
        var text = version is null ? $"{names}:{tag}" : $"{names}:sha256.{StripAlgorithm(version)}";
        if (!ImageReference.TryParse(text, out var reference, out error))
            return false;
        uri = new ContainerUri(reference, collection, name, tag);
        return true;
    }

    private static string StripAlgorithm(string version) =>
        version.StartsWith("sha256.", StringComparison.OrdinalIgnoreCase) || version.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase)
            ? version["sha256.".Length..]
            : version;
}
