using SRegistry.Core.Accounts;

namespace SRegistry.Core.Tests.Accounts;

public sealed class TokenScopesTests
{
    [Fact]
    public void TryNormalize_KnownScopes_LowercasesDeduplicatesAndOrders()
    {
        Assert.True(TokenScopes.TryNormalize(["PUSH", "pull", " push "], out var scopes, out var error));
        Assert.Empty(error);
        Assert.Equal(new[] { TokenScopes.Pull, TokenScopes.Push }, scopes);
    }

    [Fact]
    public void TryNormalize_UnknownScope_NamesItAndTheKnownOnes()
    {
        Assert.False(TokenScopes.TryNormalize(["pull", "write"], out var scopes, out var error));
        Assert.Empty(scopes);
        Assert.Contains("'write'", error);
        Assert.Contains("pull, push, delete, build, admin", error);
    }

    [Fact]
    public void TryNormalize_NoScopes_IsAcceptedAsEmpty()
    {
        Assert.True(TokenScopes.TryNormalize(null, out var scopes, out _));
        Assert.Empty(scopes);
    }

    [Theory]
    [InlineData(new string[0], "delete", true)]
    [InlineData(new[] { "pull" }, "pull", true)]
    [InlineData(new[] { "pull" }, "push", false)]
    [InlineData(new[] { "push" }, "pull", true)]
    [InlineData(new[] { "push" }, "delete", false)]
    [InlineData(new[] { "admin" }, "delete", true)]
    public void Allows_FollowsScopeRules(string[] tokenScopes, string required, bool allowed) =>
        Assert.Equal(allowed, TokenScopes.Allows(tokenScopes, required));
}
