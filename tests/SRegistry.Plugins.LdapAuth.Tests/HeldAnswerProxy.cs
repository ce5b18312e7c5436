using System.Net;
using System.Net.Sockets;

namespace SRegistry.Plugins.LdapAuth.Tests;

/// <summary>
/// A loopback TCP relay in front of a directory that holds back the directory's first answer until the
/// test releases it, so the test knows the client is waiting for that answer.
/// </summary>
public sealed class HeldAnswerProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int targetPort;
    private readonly TaskCompletionSource answerArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public HeldAnswerProxy(int targetPort)
    {
        this.targetPort = targetPort;
        listener.Start();
        accepting = AcceptAsync();
    }

    public string Url => $"ldap://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    /// <summary>Completes when the directory's first answer has reached the relay (and is held there).</summary>
    public Task AnswerArrived => answerArrived.Task;

    /// <summary>Lets every answer through from now on.</summary>
    public void Release() => released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
                _ = RelayAsync(await listener.AcceptTcpClientAsync(stop.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        try
        {
            using (client)
            using (var server = new TcpClient())
            {
                await server.ConnectAsync(IPAddress.Loopback, targetPort, stop.Token);
                // Either side closing ends the relay.
                await Task.WhenAny(client.GetStream().CopyToAsync(server.GetStream(), stop.Token), AnswerAsync(server.GetStream(), client.GetStream()));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
        }
    }

    private async Task AnswerAsync(Stream from, Stream to)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
        {
            answerArrived.TrySetResult();
            await released.Task.WaitAsync(stop.Token);
            await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
        }
    }
}
