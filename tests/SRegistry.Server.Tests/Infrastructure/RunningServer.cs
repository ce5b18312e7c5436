using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace SRegistry.Server.Tests.Infrastructure;

/// <summary>A real server process on a free loopback port, stopped with SIGTERM like systemd does.</summary>
public sealed partial class RunningServer : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>Everything the server printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the server on <paramref name="dataDirectory"/> and waits until <c>/healthz</c> answers.</summary>
    public static Task<RunningServer> StartAsync(string dataDirectory, params string[] extraArgs) =>
        StartAsync(dataDirectory, new Dictionary<string, string>(), extraArgs);

    /// <summary>Starts the server with <c>SREGISTRY_</c> environment variables (as a container or unit file sets them).</summary>
    public static async Task<RunningServer> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment, params string[] extraArgs)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var process = ServerBinary.CreateProcess(["--urls", url, "--data", dataDirectory, .. extraArgs], environment);
        var server = new RunningServer(process, new Uri(url));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync();
        return server;
    }

    /// <summary>Sends SIGTERM and waits for a clean exit; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SigTerm);
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await _process.WaitForExitAsync(limit.Token);
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        Client.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        // A bound on waiting, not an assertion on speed: a fresh embedded cluster takes a few seconds.
        var giveUp = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < giveUp)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} before it was healthy:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not become healthy:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
