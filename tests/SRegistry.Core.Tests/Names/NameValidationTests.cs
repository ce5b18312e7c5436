using SRegistry.Core.Names;

namespace SRegistry.Core.Tests.Names;

public sealed class NameValidationTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("lab")]
    [InlineData("bwa-mem2")]
    [InlineData("python3.11")]
    [InlineData("my_tools")]
    [InlineData("a.b_c-d")]
    [InlineData("123")]
    public void Part_Valid_IsAccepted(string value)
    {
        Assert.True(NameValidation.TryValidatePart(value, "container name", out var error));
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("Lab", "uppercase")]
    [InlineData("LAB", "uppercase")]
    [InlineData("-lab", "starts or ends with a separator")]
    [InlineData(".lab", "starts or ends with a separator")]
    [InlineData("lab_", "starts or ends with a separator")]
    [InlineData("a--b", "two separators in a row")]
    [InlineData("a._b", "two separators in a row")]
    [InlineData("a b", "U+0020")]
    [InlineData("a/b", "'/'")]
    [InlineData("a:b", "':'")]
    [InlineData("café", "'é'")]
    [InlineData("ａｂｃ", "'ａ'")]
    [InlineData("١٢٣", "'١'")]
    [InlineData("lab\n", "U+000A")]
    public void Part_Invalid_IsRefusedWithReason(string value, string reason)
    {
        Assert.False(NameValidation.TryValidatePart(value, "collection name", out var error));
        Assert.Contains("collection name", error);
        Assert.Contains(reason, error);
        Assert.Contains("lowercase letters a-z", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Part_Empty_IsRefused(string? value)
    {
        Assert.False(NameValidation.TryValidatePart(value, "entity name", out var error));
        Assert.Contains("entity name is empty", error);
    }

    [Fact]
    public void Part_AtMaxLength_IsAccepted() =>
        Assert.True(NameValidation.TryValidatePart(new string('a', NameValidation.MaxPartLength), "entity name", out _));

    [Fact]
    public void Part_TooLong_IsRefusedWithLimit()
    {
        Assert.False(NameValidation.TryValidatePart(new string('a', NameValidation.MaxPartLength + 1), "entity name", out var error));
        Assert.Contains("at most 128", error);
    }

    [Fact]
    public void Part_ControlCharacter_IsEscapedInMessage()
    {
        NameValidation.TryValidatePart("a\u001b[31mb", "entity name", out var error);
        Assert.DoesNotContain('\u001b', error);
        Assert.Contains("\\u001B", error);
    }

    [Theory]
    [InlineData("alice", true)]
    [InlineData("Alice", false)]
    [InlineData("al ice", false)]
    public void UserName_FollowsPartRule(string value, bool valid)
    {
        Assert.Equal(valid, NameValidation.TryValidateUserName(value, out var error));
        if (!valid) Assert.Contains("user name", error);
    }

    [Theory]
    [InlineData("genomics", true)]
    [InlineData("genomics-", false)]
    public void TeamName_FollowsPartRule(string value, bool valid) =>
        Assert.Equal(valid, NameValidation.TryValidateTeamName(value, out _));

    [Theory]
    [InlineData("latest")]
    [InlineData("v1.2.3")]
    [InlineData("V1")]
    [InlineData("_internal")]
    [InlineData("1.0-rc_1")]
    [InlineData("sha256.abc")]
    public void Tag_Valid_IsAccepted(string value) =>
        Assert.True(NameValidation.TryValidateTag(value, out _));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData(".hidden")]
    [InlineData("-dash")]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    [InlineData("naïve")]
    [InlineData("v1\n")]
    public void Tag_Invalid_IsRefused(string? value)
    {
        Assert.False(NameValidation.TryValidateTag(value, out var error));
        Assert.Contains("tag", error);
    }

    [Fact]
    public void Tag_LongerThan128_IsRefused()
    {
        Assert.True(NameValidation.TryValidateTag(new string('t', 128), out _));
        Assert.False(NameValidation.TryValidateTag(new string('t', 129), out var error));
        Assert.Contains("at most 128", error);
    }

    [Theory]
    [InlineData("amd64", true)]
    [InlineData("arm64", true)]
    [InlineData("386", true)]
    [InlineData("ppc64le", true)]
    [InlineData("x86_64", true)]
    [InlineData("AMD64", false)]
    [InlineData("arm-v7", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    public void Arch_FollowsRule(string? value, bool valid)
    {
        Assert.Equal(valid, NameValidation.TryValidateArch(value, out var error));
        Assert.Equal(valid, error.Length == 0);
    }
}
