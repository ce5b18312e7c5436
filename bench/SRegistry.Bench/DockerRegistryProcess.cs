using System.Globalization;
using System.Net;

namespace SRegistry.Bench;

/// <summary>
/// Debian's <c>docker-registry</c> (CNCF distribution 2.8.2), the reference OCI registry: filesystem storage
/// under the bench's directory, a loopback port, no authentication, log level warn and no access log (the
/// SRegistry server logs nothing per request either), stopped with SIGTERM.
/// </summary>
internal sealed class DockerRegistryProcess : IAsyncDisposable
{
    private const string Tool = "docker-registry";
    private const string InstallHint = "apt-get install docker-registry";
    private readonly System.Diagnostics.Process _process;
    private readonly Queue<string> _output = new();

    private DockerRegistryProcess(System.Diagnostics.Process process, Uri baseAddress, string storage)
    {
        _process = process;
        BaseAddress = baseAddress;
        Storage = storage;
    }

    public Uri BaseAddress { get; }

    /// <summary>The storage root (<c>rootdirectory</c>).</summary>
    public string Storage { get; }

    public string Id => _process.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where this registry keeps a blob's bytes (the filesystem driver's layout).</summary>
    public string BlobFile(string hex) => Path.Combine(Storage, "docker", "registry", "v2", "blobs", "sha256", hex[..2], hex, "data");

    /// <summary>Writes <c>config.yml</c> in <paramref name="directory"/>, starts the registry and waits until <c>/v2/</c> answers 200.</summary>
    public static async Task<DockerRegistryProcess> StartAsync(string directory)
    {
        var storage = Path.Combine(directory, "storage");
        Directory.CreateDirectory(storage);
        var port = ServerProcess.FreePort();
        var config = Path.Combine(directory, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {storage}
              maintenance:
                uploadpurging:
                  enabled: false
            http:
              addr: 127.0.0.1:{port}
              secret: {Guid.NewGuid():N}
            """);
        var start = Command.Start(Tool, ["serve", config]);
        var registry = new DockerRegistryProcess(Command.Launch(start, InstallHint), new Uri($"http://127.0.0.1:{port}"), storage);
        registry._process.OutputDataReceived += (_, e) => registry.Keep(e.Data);
        registry._process.ErrorDataReceived += (_, e) => registry.Keep(e.Data);
        registry._process.BeginOutputReadLine();
        registry._process.BeginErrorReadLine();
        registry._process.StandardInput.Close();
        try
        {
            await registry.WaitUntilReadyAsync();
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    /// <summary>Throws when the registry is no longer running.</summary>
    public void ThrowIfExited()
    {
        if (_process.HasExited) throw new BenchFailure($"docker-registry exited with {_process.ExitCode}; its last output:\n{Output}");
    }

    /// <summary>Sends SIGTERM; throws unless it exits within a minute (distribution exits with 0 or, on a signal, 1 or 2; any exit is accepted).</summary>
    public async Task StopAsync()
    {
        ThrowIfExited();
        _ = ServerProcess.Kill(_process.Id, ServerProcess.SigTerm);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            throw new BenchFailure($"docker-registry did not stop within a minute of SIGTERM; its last output:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private string Output
    {
        get
        {
            lock (_output) return string.Join('\n', _output);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        // A bound on waiting, not an assertion on speed.
        var giveUp = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < giveUp)
        {
            ThrowIfExited();
            try
            {
                using var response = await client.GetAsync("/v2/");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new BenchFailure($"docker-registry did not answer /v2/ within a minute; its last output:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 40) _output.Dequeue();
        }
    }
}
