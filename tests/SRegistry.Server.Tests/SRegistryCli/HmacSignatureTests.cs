using SRegistry.Server.SRegistryCli;

namespace SRegistry.Server.Tests.SRegistryCli;

/// <summary>The server's HMAC check against protocols.md §2's published vectors and its time window.</summary>
public sealed class HmacSignatureTests
{
    private const string Token = "s3cr3t";
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 21, 8, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("push", "mycol", "5dd28175f4ee14fe63b9e5d0903406bd8d80904118d2507cee075a838b3b4f45")]
    [InlineData("upload", "mycol", "c8e472e4c47e0f2d549329771db9958f1555092b198d7154d5c68ece69a1f0e4")]
    [InlineData("delete", "mycol", "7882758197c58cc798181bff41956522e97bae7fa9e6fcb8d33ca538d2042503")]
    [InlineData("pull", "private", "031d032697cb329d4da0f4db31d00c8730e9f68f28a52a2c7baa33191603a77d")]
    public void Compute_PublishedVectors_Match(string kind, string collection, string expected) =>
        Assert.Equal(expected, HmacSignature.Compute(Token, kind, collection, "20261121T08Z", "myimg", "v1"));

    [Theory]
    [InlineData(0, true)] // same hour
    [InlineData(59, true)] // 09:29: the previous hour is still accepted, so a request signed at 08:59:59 arriving at 09:00:01 works
    [InlineData(90, false)] // 10:00: two hours back is a replay
    [InlineData(-31, false)] // 07:59: a signature from the future
    public void Verify_AcceptsTheCurrentAndThePreviousHourOnly(int minutesLater, bool accepted)
    {
        var credential = Sign("push", SignedAt, Token);

        Assert.Equal(accepted, HmacSignature.Verify(Token, credential, "push", "mycol", "myimg", "v1", SignedAt.AddMinutes(minutesLater)));
    }

    [Fact]
    public void Verify_AtTheHourBoundary_AcceptsTheLastSecondOfThePreviousHour()
    {
        var credential = Sign("push", new DateTimeOffset(2026, 11, 21, 8, 59, 59, TimeSpan.Zero), Token);

        Assert.True(HmacSignature.Verify(Token, credential, "push", "mycol", "myimg", "v1", new DateTimeOffset(2026, 11, 21, 9, 0, 1, TimeSpan.Zero)));
    }

    [Fact]
    public void Verify_WrongKey_IsRefused() =>
        Assert.False(HmacSignature.Verify("not-the-token", Sign("push", SignedAt, Token), "push", "mycol", "myimg", "v1", SignedAt));

    [Theory]
    [InlineData("delete", "mycol", "myimg", "v1")] // a push signature replayed as a delete
    [InlineData("push", "other", "myimg", "v1")]
    [InlineData("push", "mycol", "other", "v1")]
    [InlineData("push", "mycol", "myimg", "v2")]
    public void Verify_SignatureForOtherValues_IsRefused(string kind, string collection, string image, string tag) =>
        Assert.False(HmacSignature.Verify(Token, Sign("push", SignedAt, Token), kind, collection, image, tag, SignedAt));

    [Fact]
    public void TryParse_HeaderAsTheClientSendsIt_ReadsKindUserAndTimestamp()
    {
        var header = $"SREGISTRY-HMAC-SHA256 Credential=push/{Convert.ToBase64String("alice"u8)}/20261121T08Z,Signature=5dd28175f4ee14fe63b9e5d0903406bd8d80904118d2507cee075a838b3b4f45";

        Assert.True(HmacCredential.TryParse(header, out var credential));
        Assert.Equal(("push", "alice", "20261121T08Z"), (credential.Kind, credential.UserName, credential.Timestamp));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("SREGISTRY-HMAC-SHA256 Credential=push/not-base64!/20261121T08Z,Signature=ab")]
    [InlineData("SREGISTRY-HMAC-SHA256 Signature=ab")]
    public void TryParse_MalformedHeader_IsRefused(string? header) =>
        Assert.False(HmacCredential.TryParse(header, out _));

    private static HmacCredential Sign(string kind, DateTimeOffset at, string key)
    {
        var timestamp = HmacSignature.Timestamp(at);
        return new HmacCredential(kind, "alice", timestamp, HmacSignature.Compute(key, kind, "mycol", timestamp, "myimg", "v1"));
    }
}
