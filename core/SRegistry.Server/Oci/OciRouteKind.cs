namespace SRegistry.Server.Oci;

/// <summary>Which distribution API resource a path under <c>/v2/</c> names.</summary>
public enum OciRouteKind
{
    Unknown,
    Catalog,
    Blob,
    Uploads,
    Upload,
    Manifest,
    TagList,
    Referrers,
}
