using SRegistry.Plugins.LdapAuth.Tests.Slapd;

namespace SRegistry.Plugins.LdapAuth.Tests;

public sealed class LdapPasswordAuthenticatorTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>
{
    [Fact]
    public async Task SearchThenBind_RightPassword_ReturnsIdentityWithGroups()
    {
        using var ldap = new LdapAuthenticators(LdapAuthenticators.SearchThenBind(slapd.Server));

        var identity = await ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None);

        Assert.NotNull(identity);
        Assert.Equal("ldap", identity.Provider);
        Assert.Equal("alice", identity.UserName);
        Assert.Equal("alice@example.org", identity.Email);
        Assert.Equal("Alice Liddell", identity.DisplayName);
        Assert.True(Guid.TryParse(identity.Subject, out _), $"entryUUID expected, got '{identity.Subject}'");
        Assert.Equal(["developers", "registry-admins"], identity.Groups.Order());
    }

    [Fact]
    public async Task SearchThenBind_SameUserTwice_HasTheSameSubject()
    {
        using var ldap = new LdapAuthenticators(LdapAuthenticators.SearchThenBind(slapd.Server));

        var first = await ldap.Authenticator.AuthenticateAsync("bob", SlapdDirectory.BobPassword, CancellationToken.None);
        var second = await ldap.Authenticator.AuthenticateAsync("bob", SlapdDirectory.BobPassword, CancellationToken.None);
        var alice = await ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None);

        Assert.Equal(first!.Subject, second!.Subject);
        Assert.NotEqual(first.Subject, alice!.Subject);
        Assert.Equal(["developers"], first.Groups);
    }

    [Theory]
    [InlineData("alice", "wrong-password")]
    [InlineData("alice", "ALICE-PASSWORD")]
    [InlineData("nobody", "alice-password")]
    [InlineData("bob", SlapdDirectory.AlicePassword)]
    public async Task SearchThenBind_WrongPasswordOrUnknownUser_ReturnsNull(string userName, string password)
    {
        using var ldap = new LdapAuthenticators(LdapAuthenticators.SearchThenBind(slapd.Server));

        Assert.Null(await ldap.Authenticator.AuthenticateAsync(userName, password, CancellationToken.None));
    }

    [Fact]
    public async Task DisabledAccount_RightPassword_ReturnsNull()
    {
        using var search = new LdapAuthenticators(LdapAuthenticators.SearchThenBind(slapd.Server));
        using var direct = new LdapAuthenticators(LdapAuthenticators.DirectBind(slapd.Server));

        Assert.Null(await search.Authenticator.AuthenticateAsync("carol", SlapdDirectory.CarolPassword, CancellationToken.None));
        Assert.Null(await direct.Authenticator.AuthenticateAsync("carol", SlapdDirectory.CarolPassword, CancellationToken.None));
    }

    // This slapd accepts a DN without a password as an anonymous bind (as Active Directory does), so
    // without the authenticator's own check these would sign alice in.
    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task EmptyPassword_ReturnsNull(string? password)
    {
        using var search = new LdapAuthenticators(LdapAuthenticators.SearchThenBind(slapd.Server));
        using var direct = new LdapAuthenticators(LdapAuthenticators.DirectBind(slapd.Server));

        Assert.Null(await search.Authenticator.AuthenticateAsync("alice", password!, CancellationToken.None));
        Assert.Null(await direct.Authenticator.AuthenticateAsync("alice", password!, CancellationToken.None));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("*)(uid=*")]
    [InlineData("alice)(|(uid=*")]
    [InlineData("ali*")]
    [InlineData(@"\2a")]
    [InlineData("alice\0")]
    [InlineData("alice)(description=*")]
    [InlineData("alice,ou=people,dc=example,dc=org")]
    [InlineData("*,ou=people,dc=example,dc=org+uid=alice")]
    public async Task InjectionAttempts_WithAlicesPassword_AreRefused(string userName)
    {
        using var search = new LdapAuthenticators(LdapAuthenticators.SearchThenBind(slapd.Server));
        using var direct = new LdapAuthenticators(LdapAuthenticators.DirectBind(slapd.Server));

        Assert.Null(await search.Authenticator.AuthenticateAsync(userName, SlapdDirectory.AlicePassword, CancellationToken.None));
        Assert.Null(await direct.Authenticator.AuthenticateAsync(userName, SlapdDirectory.AlicePassword, CancellationToken.None));
    }

    [Fact]
    public async Task UserFilterMatchingSeveralPeople_SignsNobodyIn()
    {
        var options = LdapAuthenticators.SearchThenBind(slapd.Server);
        options.UserFilter = "(&(objectClass=inetOrgPerson)(|(uid={0})(sn=*)))";
        using var ldap = new LdapAuthenticators(options);

        Assert.Null(await ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None));
    }

    [Fact]
    public async Task DirectBind_RightPassword_ReturnsIdentityWithGroups()
    {
        using var ldap = new LdapAuthenticators(LdapAuthenticators.DirectBind(slapd.Server));

        var identity = await ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None);
        var wrong = await ldap.Authenticator.AuthenticateAsync("alice", "wrong-password", CancellationToken.None);

        Assert.Equal("alice", identity?.UserName);
        Assert.Equal(["developers", "registry-admins"], identity!.Groups.Order());
        Assert.Null(wrong);
    }

    [Fact]
    public async Task GroupSearch_InsteadOfMemberOf_FindsTheGroups()
    {
        var options = LdapAuthenticators.SearchThenBind(slapd.Server);
        options.GroupMembershipAttribute = "";
        options.GroupSearchBase = SlapdDirectory.Groups;
        using var ldap = new LdapAuthenticators(options);

        var identity = await ldap.Authenticator.AuthenticateAsync("bob", SlapdDirectory.BobPassword, CancellationToken.None);

        Assert.Equal(["developers"], identity!.Groups);
    }

    [Fact]
    public async Task IsActive_ForKnownAndUnknownSubjects_AnswersFromTheDirectory()
    {
        using var ldap = new LdapAuthenticators(LdapAuthenticators.SearchThenBind(slapd.Server));
        var alice = await ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None);

        Assert.True(await ldap.Authenticator.IsActiveAsync(alice!.Subject, CancellationToken.None));
        Assert.False(await ldap.Authenticator.IsActiveAsync(Guid.NewGuid().ToString(), CancellationToken.None));
        Assert.False(await ldap.Authenticator.IsActiveAsync("*", CancellationToken.None));
    }

    [Fact]
    public async Task IsActive_WithoutServiceAccount_CannotTell()
    {
        using var ldap = new LdapAuthenticators(LdapAuthenticators.DirectBind(slapd.Server));
        var alice = await ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None);

        Assert.Null(await ldap.Authenticator.IsActiveAsync(alice!.Subject, CancellationToken.None));
    }
}
