using System.Net;
using System.Net.Sockets;
using SRegistry.Plugins.LdapAuth.Tests.Slapd;

namespace SRegistry.Plugins.LdapAuth.Tests;

/// <summary>Tests that change or stop the directory, each on a slapd of its own.</summary>
[Collection(ProcessWideLibLdapOptions.Name)]
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

    [Fact]
    public async Task DirectoryThatNeverAnswers_SignInFailsAsAnOutageInsteadOfHanging()
    {
        // A listener that accepts nothing: connections queue and no LDAP answer ever comes.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(1);
        var options = LdapAuthenticators.SearchThenBind($"ldap://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        options.ConnectTimeout = TimeSpan.FromSeconds(1);
        options.OperationTimeout = TimeSpan.FromSeconds(1);
        using var ldap = new LdapAuthenticators(options);

        await Assert.ThrowsAnyAsync<Exception>(() => ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None));
        Assert.Null(await ldap.Authenticator.IsActiveAsync(Guid.NewGuid().ToString(), CancellationToken.None));
    }
}
