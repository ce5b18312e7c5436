using SRegistry.Core.Oci;
using SRegistry.Server.Oci;

namespace SRegistry.Server.Tests.Oci;

public sealed class TokenScopeRequestTests
{
    [Fact]
    public void Parse_RepeatedSpaceSeparatedAndStar_MergesActionsPerCanonicalName()
    {
        var requested = TokenScopeRequest.Parse(["repository:tools/bwa:push", "repository:default/tools/bwa:pull repository:alice/x/y:*", null]);

        Assert.Equal(["pull", "push"], requested[new RepositoryName("default", "tools", "bwa")].Order());
        Assert.Equal(["delete", "pull", "push"], requested[new RepositoryName("alice", "x", "y")].Order());
    }

    [Theory]
    [InlineData("registry:catalog:*")]
    [InlineData("repository:Bad/Name:pull")]
    [InlineData("repository:a/b/c/d:pull")]
    [InlineData("repository:a/b")]
    public void Parse_OtherResourcesAndBadNames_GrantNothing(string scope)
    {
        Assert.Empty(TokenScopeRequest.Parse([scope]));
    }

    [Fact]
    public void Parse_UnknownActions_AreDropped()
    {
        var requested = TokenScopeRequest.Parse(["repository:a/b/c:pull,fly"]);

        Assert.Equal(["pull"], requested[new RepositoryName("a", "b", "c")]);
    }
}
