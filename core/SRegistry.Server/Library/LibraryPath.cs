using SRegistry.Core.Domain;
using SRegistry.Core.Names;

namespace SRegistry.Server.Library;

/// <summary>
/// Library refs taken from the raw path: clients send empty segments when the user leaves a part
/// out (<c>v1/collections//name</c>, <c>v1/images//c/n:tag</c>), which mean the default there.
/// </summary>
public static class LibraryPath
{
    /// <summary>The path segments after <paramref name="prefix"/>, empty ones kept.</summary>
    public static string[] Segments(HttpRequest request, string prefix)
    {
        var path = request.Path.Value ?? "";
        var rest = path.Length > prefix.Length ? path[prefix.Length..] : "";
        return rest.Split('/');
    }

    /// <summary>
    /// Segments with empty entity and collection parts replaced by <c>default</c> (the documented
    /// mapping of refs that omit them), for name lookups.
    /// </summary>
    public static string[] WithDefaults(string[] segments) => segments.Length switch
    {
        3 => [Or(segments[0], Entity.DefaultName), Or(segments[1], ImageReference.DefaultCollection), segments[2]],
        2 => [Or(segments[0], Entity.DefaultName), segments[1]],
        _ => segments,
    };

    /// <summary>Parses an image ref from segments, mapping empty leading parts to the defaults.</summary>
    public static bool TryImageReference(string[] segments, out ImageReference? reference, out string error)
    {
        var parts = segments.Length switch
        {
            3 => WithDefaults(segments),
            2 when segments[0].Length == 0 => [segments[1]],
            _ => segments,
        };
        return ImageReference.TryParse(string.Join('/', parts), out reference, out error);
    }

    private static string Or(string value, string fallback) => value.Length == 0 ? fallback : value;
}
