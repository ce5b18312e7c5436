using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace SRegistry.Bench;

/// <summary>
/// The registry built in Release and run as its own process on a free loopback port with a fresh data
/// directory, stopped with SIGTERM as systemd would. Its output is kept (the last lines) to explain a failure.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int SigInt = 2;
    public const int SigTerm = 15;
    private const int KeptLines = 40;
    private static readonly Dictionary<string, string?> Environment = new() { ["DOTNET_NOLOGO"] = "1", ["ASPNETCORE_URLS"] = null };
    private readonly Process _process;
    private readonly string _dll;
    private readonly string _dataDirectory;
    private readonly Queue<string> _output = new();

    private ServerProcess(Process process, string dll, string dataDirectory, Uri baseAddress)
    {
        _process = process;
        _dll = dll;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The process id as /proc names it.</summary>
    public string Id => _process.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Builds core/SRegistry.Server in Release into <paramref name="output"/>; returns the dll.</summary>
    public static async Task<string> BuildAsync(string repository, string output)
    {
        var project = Path.Combine(repository, "core", "SRegistry.Server", "SRegistry.Server.csproj");
        await Command.RunAsync("dotnet", ["build", project, "-c", "Release", "-o", output, "-nologo", "-v", "quiet", "-clp:NoSummary"], TimeSpan.FromMinutes(10));
        return Path.Combine(output, "SRegistry.Server.dll");
    }

    /// <summary>Starts the server on <paramref name="dataDirectory"/> and waits until <c>/healthz</c> answers.</summary>
    public static async Task<ServerProcess> StartAsync(string dll, string dataDirectory)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = Command.Start("dotnet", [dll, "--urls", url.ToString().TrimEnd('/'), "--data", dataDirectory], Environment);
        var server = new ServerProcess(Command.Launch(start, null), dll, dataDirectory, url);
        server._process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        server._process.StandardInput.Close();
        try
        {
            await server.WaitUntilHealthyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <c>admin --data DIR …</c> of the same binary; returns its standard output.</summary>
    public Task<string> AdminAsync(params string[] args) =>
        Command.RunAsync("dotnet", [_dll, "admin", "--data", _dataDirectory, .. args], TimeSpan.FromMinutes(2), environment: Environment);

    /// <summary>Throws when the server is no longer running.</summary>
    public void ThrowIfExited()
    {
        if (_process.HasExited) throw new BenchFailure($"the server exited with {_process.ExitCode}; its last output:\n{Output}");
    }

    /// <summary>Sends SIGTERM and waits for the exit; throws unless it exits cleanly within a minute.</summary>
    public async Task StopAsync()
    {
        ThrowIfExited();
        _ = Kill(_process.Id, SigTerm);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            throw new BenchFailure($"the server did not stop within a minute of SIGTERM; its last output:\n{Output}");
        }
        if (_process.ExitCode != 0) throw new BenchFailure($"the server exited with {_process.ExitCode} after SIGTERM; its last output:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SigTerm);
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        StopOrphanedDatabase();
    }

    // A server that died (or was killed) leaves its embedded PostgreSQL running; this run's own cluster is
    // stopped (fast shutdown) before its directory is removed. After a clean stop there is no postmaster.pid.
    private void StopOrphanedDatabase()
    {
        var pidFile = Path.Combine(_dataDirectory, "postgres", "postmaster.pid");
        try
        {
            if (!int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)) return;
            if (!File.ReadAllText($"/proc/{pid}/cmdline").Contains(_dataDirectory, StringComparison.Ordinal)) return;
            _ = kill(pid, SigInt);
            for (var i = 0; i < 100 && File.Exists(pidFile); i++) Thread.Sleep(100);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No pid file (a clean stop), or the postmaster is gone.
        }
    }

    private string Output
    {
        get
        {
            lock (_output) return string.Join('\n', _output);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        // A bound on waiting, not an assertion on speed: a fresh embedded cluster takes a few seconds.
        var giveUp = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < giveUp)
        {
            ThrowIfExited();
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new BenchFailure($"the server did not answer /healthz within 2 minutes; its last output:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines) _output.Dequeue();
        }
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>Sends <paramref name="signal"/> to the process.</summary>
    public static int Kill(int pid, int signal) => kill(pid, signal);
}
