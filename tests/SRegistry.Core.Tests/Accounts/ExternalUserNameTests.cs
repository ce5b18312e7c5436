using SRegistry.Core.Accounts;

namespace SRegistry.Core.Tests.Accounts;

public sealed class ExternalUserNameTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("Alice", "alice")]
    [InlineData("Alice Smith", "alice-smith")]
    [InlineData("alice.smith", "alice.smith")]
    [InlineData("  j.doe@EXAMPLE.org ", "j.doe-example.org")]
    [InlineData("Jöhn--Doe", "j-hn-doe")]
    [InlineData("_alice_", "alice")]
    [InlineData("a..b", "a.b")]
    public void Normalize_FollowsTheNameRules(string directoryName, string expected) =>
        Assert.Equal(expected, ExternalUserName.Normalize(directoryName));

    [Theory]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("ööö")]
    public void Normalize_NothingUsable_IsNull(string directoryName) =>
        Assert.Null(ExternalUserName.Normalize(directoryName));

    [Fact]
    public void Normalize_LongName_IsCutToTheLimit() =>
        Assert.Equal(128, ExternalUserName.Normalize(new string('a', 300))!.Length);
}
