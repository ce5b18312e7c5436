using SRegistry.Server.Oci;

namespace SRegistry.Server.Tests.Oci;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-9", 100, 0, 10)]
    [InlineData("bytes=90-", 100, 90, 10)]
    [InlineData("bytes=90-1000", 100, 90, 10)]
    [InlineData("bytes=-5", 100, 95, 5)]
    [InlineData("bytes=-500", 100, 0, 100)]
    public void TryParse_SatisfiableRange_GivesStartAndLength(string header, long size, long start, long length)
    {
        Assert.True(ByteRange.TryParse(header, size, out var range));
        Assert.Equal(new ByteRange(start, length), range);
    }

    [Theory]
    [InlineData("bytes=100-200")]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=0-1,5-6")]
    [InlineData("items=0-1")]
    [InlineData("bytes=x-1")]
    [InlineData("bytes=-0")]
    public void TryParse_UnsatisfiableOrMalformed_IsRefused(string header)
    {
        Assert.False(ByteRange.TryParse(header, 100, out _));
    }

    [Fact]
    public void TryParse_NoHeader_IsTheWholeBlob()
    {
        Assert.True(ByteRange.TryParse(null, 100, out var range));
        Assert.Null(range);
    }
}
