namespace SRegistry.Server.Oci;

/// <summary>
/// A path under <c>/v2/</c> taken apart from its end, since repository names have one to three slashed
/// parts: <c>&lt;name&gt;/blobs/&lt;digest&gt;</c>, <c>/blobs/uploads/[&lt;id&gt;]</c>, <c>/manifests/&lt;reference&gt;</c>,
/// <c>/tags/list</c>, <c>/referrers/&lt;digest&gt;</c>, or <c>_catalog</c>.
/// </summary>
public sealed record OciRoute(OciRouteKind Kind, string Name, string Argument)
{
    public static OciRoute Parse(string path)
    {
        if (path == "_catalog")
            return new OciRoute(OciRouteKind.Catalog, "", "");
        var s = path.Split('/');
        var n = s.Length;
        return s switch
        {
            _ when n >= 3 && s[n - 2] == "tags" && s[n - 1] == "list" => Of(OciRouteKind.TagList, 2, ""),
            _ when n >= 3 && s[n - 2] == "manifests" => Of(OciRouteKind.Manifest, 2, s[n - 1]),
            _ when n >= 3 && s[n - 2] == "referrers" => Of(OciRouteKind.Referrers, 2, s[n - 1]),
            _ when n >= 4 && s[n - 3] == "blobs" && s[n - 2] == "uploads" && s[n - 1].Length == 0 => Of(OciRouteKind.Uploads, 3, ""),
            _ when n >= 4 && s[n - 3] == "blobs" && s[n - 2] == "uploads" => Of(OciRouteKind.Upload, 3, s[n - 1]),
            _ when n >= 3 && s[n - 2] == "blobs" && s[n - 1] == "uploads" => Of(OciRouteKind.Uploads, 2, ""),
            _ when n >= 3 && s[n - 2] == "blobs" => Of(OciRouteKind.Blob, 2, s[n - 1]),
            _ => new OciRoute(OciRouteKind.Unknown, "", ""),
        };

        OciRoute Of(OciRouteKind kind, int suffix, string argument) => new(kind, string.Join('/', s[..(n - suffix)]), argument);
    }
}
