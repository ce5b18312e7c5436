using SRegistry.Plugins.LdapAuth.Tests.Slapd;

namespace SRegistry.Plugins.LdapAuth.Tests;

/// <summary>Tests that change or stop the directory, each on a slapd of its own.</summary>
public sealed class LdapDirectoryChangeTests
{
    [Fact]
    public async Task DisablingAnAccount_RefusesSignInAndIsActiveTurnsFalse()
    {
        await using var server = await SlapdServer.StartAsync();
        using var ldap = new LdapAuthenticators(LdapAuthenticators.SearchThenBind(server));
        var bob = await ldap.Authenticator.AuthenticateAsync("bob", SlapdDirectory.BobPassword, CancellationToken.None);

        await server.ModifyAsync($"dn: {SlapdDirectory.UserDn("bob")}\nchangetype: modify\nadd: description\ndescription: disabled\n");

        Assert.NotNull(bob);
        Assert.Null(await ldap.Authenticator.AuthenticateAsync("bob", SlapdDirectory.BobPassword, CancellationToken.None));
        Assert.False(await ldap.Authenticator.IsActiveAsync(bob.Subject, CancellationToken.None));
    }

    [Fact]
    public async Task LeavingAGroup_RemovesItFromTheIdentity()
    {
        await using var server = await SlapdServer.StartAsync();
        using var ldap = new LdapAuthenticators(LdapAuthenticators.SearchThenBind(server));

        await server.ModifyAsync($"dn: {SlapdDirectory.GroupDn("registry-admins")}\nchangetype: modify\nadd: member\nmember: {SlapdDirectory.UserDn("bob")}\n");
        var promoted = await ldap.Authenticator.AuthenticateAsync("bob", SlapdDirectory.BobPassword, CancellationToken.None);
        await server.ModifyAsync($"dn: {SlapdDirectory.GroupDn("registry-admins")}\nchangetype: modify\ndelete: member\nmember: {SlapdDirectory.UserDn("bob")}\n");
        var demoted = await ldap.Authenticator.AuthenticateAsync("bob", SlapdDirectory.BobPassword, CancellationToken.None);

        Assert.Contains("registry-admins", promoted!.Groups);
        Assert.DoesNotContain("registry-admins", demoted!.Groups);
    }

    [Fact]
    public async Task StoppedDirectory_SignInThrowsAndIsActiveCannotTell()
    {
        var server = await SlapdServer.StartAsync();
        using var ldap = new LdapAuthenticators(LdapAuthenticators.SearchThenBind(server));
        var alice = await ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None);

        await server.DisposeAsync();

        // An outage must surface as an exception (the core reports "directory unavailable"), never as null (a wrong password).
        await Assert.ThrowsAnyAsync<Exception>(() => ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None));
        Assert.Null(await ldap.Authenticator.IsActiveAsync(alice!.Subject, CancellationToken.None));
    }
}
