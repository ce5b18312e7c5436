using SRegistry.Server.Oci;

namespace SRegistry.Server.Tests.Oci;

/// <summary>Paths under /v2/ taken apart from their end, with names of one to three parts that may look like API words.</summary>
public sealed class OciRouteTests
{
    [Theory]
    [InlineData("alice/tools/bwa/manifests/v1", OciRouteKind.Manifest, "alice/tools/bwa", "v1")]
    [InlineData("bwa/manifests/sha256:abc", OciRouteKind.Manifest, "bwa", "sha256:abc")]
    [InlineData("a/blobs/manifests/latest", OciRouteKind.Manifest, "a/blobs", "latest")]
    [InlineData("tools/bwa/blobs/sha256:abc", OciRouteKind.Blob, "tools/bwa", "sha256:abc")]
    [InlineData("a/manifests/b/blobs/uploads/", OciRouteKind.Uploads, "a/manifests/b", "")]
    [InlineData("a/b/c/blobs/uploads", OciRouteKind.Uploads, "a/b/c", "")]
    [InlineData("a/b/c/blobs/uploads/0123abcd", OciRouteKind.Upload, "a/b/c", "0123abcd")]
    [InlineData("a/tags/tags/list", OciRouteKind.TagList, "a/tags", "")]
    [InlineData("a/b/referrers/sha256:abc", OciRouteKind.Referrers, "a/b", "sha256:abc")]
    [InlineData("_catalog", OciRouteKind.Catalog, "", "")]
    [InlineData("a/b/c", OciRouteKind.Unknown, "", "")]
    [InlineData("manifests/v1", OciRouteKind.Unknown, "", "")]
    public void Parse_FindsResourceNameAndArgument(string path, OciRouteKind kind, string name, string argument)
    {
        var route = OciRoute.Parse(path);

        Assert.Equal(new OciRoute(kind, name, argument), route);
    }
}
