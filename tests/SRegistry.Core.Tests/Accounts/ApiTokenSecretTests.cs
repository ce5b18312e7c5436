using System.Security.Cryptography;
using System.Text;
using SRegistry.Core.Accounts;

namespace SRegistry.Core.Tests.Accounts;

public sealed class ApiTokenSecretTests
{
    [Fact]
    public void Create_HasPrefixAndFixedLengthAndIsRandom()
    {
        var first = ApiTokenSecret.Create();
        var second = ApiTokenSecret.Create();
        Assert.StartsWith("sreg_", first);
        Assert.Equal(48, first.Length);
        Assert.True(ApiTokenSecret.HasSecretShape(first));
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sreg_short")]
    [InlineData("xxxx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void HasSecretShape_Junk_IsFalse(string? text) => Assert.False(ApiTokenSecret.HasSecretShape(text));

    [Fact]
    public void Hash_IsSha256OfTheSecret()
    {
        var secret = ApiTokenSecret.Create();
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), ApiTokenSecret.Hash(secret));
    }
}
