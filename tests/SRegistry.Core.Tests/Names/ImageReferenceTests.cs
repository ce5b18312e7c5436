using SRegistry.Abstractions.Storage;
using SRegistry.Core.Names;

namespace SRegistry.Core.Tests.Names;

public sealed class ImageReferenceTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("lab/tools/bwa:v1", "lab", "tools", "bwa", "v1")]
    [InlineData("tools/bwa:v1", "default", "tools", "bwa", "v1")]
    [InlineData("bwa:v1", "default", "default", "bwa", "v1")]
    [InlineData("lab/tools/bwa", "lab", "tools", "bwa", "latest")]
    [InlineData("tools/bwa", "default", "tools", "bwa", "latest")]
    [InlineData("bwa", "default", "default", "bwa", "latest")]
    [InlineData("lab/tools/bwa:V1.0_rc-2", "lab", "tools", "bwa", "V1.0_rc-2")]
    public void TryParse_Tagged_MapsMissingPartsToDefaults(string text, string entity, string collection, string container, string tag)
    {
        Assert.True(ImageReference.TryParse(text, out var reference, out var error), error);
        Assert.Equal(entity, reference.Entity);
        Assert.Equal(collection, reference.Collection);
        Assert.Equal(container, reference.Container);
        Assert.Equal(tag, reference.Tag);
        Assert.Null(reference.Digest);
    }

    [Theory]
    [InlineData("lab/tools/bwa:sha256." + Hex)]
    [InlineData("lab/tools/bwa@sha256:" + Hex)]
    [InlineData("lab/tools/bwa@sha256." + Hex)]
    [InlineData("lab/tools/bwa:SHA256." + Hex)]
    public void TryParse_Digest_SetsDigestAndNoTag(string text)
    {
        Assert.True(ImageReference.TryParse(text, out var reference, out var error), error);
        Assert.Equal(BlobDigest.Parse(Hex), reference.Digest);
        Assert.Null(reference.Tag);
        Assert.Equal("bwa", reference.Container);
    }

    [Fact]
    public void TryParse_DigestInUppercase_IsNormalized()
    {
        Assert.True(ImageReference.TryParse("bwa@sha256:" + Hex.ToUpperInvariant(), out var reference, out _));
        Assert.Equal(Hex, reference.Digest!.Value.Hex);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(null, "empty")]
    [InlineData("/tools/bwa", "empty part")]
    [InlineData("lab//bwa", "empty part")]
    [InlineData("lab/tools/", "empty part")]
    [InlineData("lab/tools/:v1", "empty part")]
    [InlineData("a/b/c/d", "4 parts")]
    [InlineData("lab/tools/bwa:", "tag is empty")]
    [InlineData("lab/tools/bwa:.v1", "tag")]
    [InlineData("lab/tools/bwa:v1:v2", "':'")]
    [InlineData("host:5000/lab/bwa", "':'")]
    [InlineData("lab/tools/bwa:sha256.abc", "invalid digest")]
    [InlineData("lab/tools/bwa@v1", "invalid digest")]
    [InlineData("lab/tools/bwa@md5:abc", "invalid digest")]
    [InlineData("lab/tools/bwa:v1@sha256:" + Hex, "both a tag and a digest")]
    [InlineData("Lab/tools/bwa", "entity name")]
    [InlineData("lab/Tools/bwa", "collection name")]
    [InlineData("lab/tools/b--wa", "container name")]
    public void TryParse_Invalid_ExplainsWhy(string? text, string expected)
    {
        Assert.False(ImageReference.TryParse(text, out var reference, out var error));
        Assert.Null(reference);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("bwa", "default/default/bwa:latest")]
    [InlineData("tools/bwa:v1", "default/tools/bwa:v1")]
    [InlineData("lab/tools/bwa:sha256." + Hex, "lab/tools/bwa@sha256:" + Hex)]
    public void ToString_IsCanonicalForm(string text, string canonical)
    {
        Assert.True(ImageReference.TryParse(text, out var reference, out _));
        Assert.Equal(canonical, reference.ToString());
        Assert.True(ImageReference.TryParse(canonical, out var again, out _));
        Assert.Equal(reference, again);
    }
}
