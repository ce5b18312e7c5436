namespace SRegistry.Server.Tests.SRegistryCli;

/// <summary>The published vectors (protocols.md §2) hold for the client's signing, which the server checks against.</summary>
public sealed class HmacVectorTests
{
    [Theory]
    [InlineData("push", "mycol", "5dd28175f4ee14fe63b9e5d0903406bd8d80904118d2507cee075a838b3b4f45")]
    [InlineData("upload", "mycol", "c8e472e4c47e0f2d549329771db9958f1555092b198d7154d5c68ece69a1f0e4")]
    [InlineData("delete", "mycol", "7882758197c58cc798181bff41956522e97bae7fa9e6fcb8d33ca538d2042503")]
    [InlineData("pull", "private", "031d032697cb329d4da0f4db31d00c8730e9f68f28a52a2c7baa33191603a77d")]
    public void Sign_PublishedVectors_Match(string kind, string collection, string expected)
    {
        var signature = SRegistryCliClient.Sign("s3cr3t", $"{kind}|{collection}|20261121T08Z|myimg|v1|");

        Assert.Equal(expected, signature);
    }

    [Fact]
    public void Authorize_BuildsTheHeaderTheClientSends()
    {
        var client = new SRegistryCliClient(new HttpClient(), new Uri("http://localhost"), "alice", "s3cr3t")
        {
            SigningTime = new DateTimeOffset(2026, 11, 21, 8, 59, 59, TimeSpan.Zero),
        };

        Assert.Equal(
            "SREGISTRY-HMAC-SHA256 Credential=push/YWxpY2U=/20261121T08Z,Signature=5dd28175f4ee14fe63b9e5d0903406bd8d80904118d2507cee075a838b3b4f45",
            client.Authorize("push", "mycol", "myimg", "v1"));
    }
}
