using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using SRegistry.Plugins.LdapAuth.Tests.Slapd;

namespace SRegistry.Plugins.LdapAuth.Tests;

/// <summary>
/// A signal may reach the thread that waits for the directory (the kernel hands a child's SIGCHLD to any
/// thread); libldap then ends the wait, and without its restart option reports "server unavailable".
/// </summary>
[Collection(ProcessWideLibLdapOptions.Name)]
[SupportedOSPlatform("linux")]
public sealed class LdapSignalTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>
{
    [Fact]
    public async Task SignalWhileWaitingForTheDirectory_SignInStillSucceeds()
    {
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => handled.TrySetResult());
        await using var proxy = new HeldAnswerProxy(slapd.Server.Port);
        using var ldap = new LdapAuthenticators(LdapAuthenticators.SearchThenBind(proxy.Url));
        var alreadyPolling = ThreadSignals.InPoll();

        var signIn = ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None);
        await proxy.AnswerArrived;
        foreach (var waiting in await ThreadSignals.NewlyInPollAsync(alreadyPolling))
            ThreadSignals.Send(waiting, ThreadSignals.WindowChanged);
        // Once the handler has run, the interrupted poll() has returned; only then may the answer arrive,
        // or poll() could report it instead of the interruption.
        await handled.Task.WaitAsync(TimeSpan.FromMinutes(1));
        proxy.Release();

        Assert.Equal("alice", (await signIn)?.UserName);
    }
}
