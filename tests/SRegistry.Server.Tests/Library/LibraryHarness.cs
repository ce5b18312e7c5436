using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Library;

/// <summary>
/// The Go program in <c>tests/interop/library-harness</c>, which drives the real Singularity/Apptainer
/// library client (Debian's container-library-client 1.2.2) against a server: the client our users run,
/// not our idea of it. Built on first use, once per test run, into the test output. When Go or the
/// client library is missing the test fails saying what to install; it is never skipped silently.
/// </summary>
public sealed class LibraryHarness
{
    /// <summary>The harness's exit code when the client reported "not found" (the server answered 404).</summary>
    public const int NotFound = 2;

    private const string ClientLibrary = "/usr/share/gocode/src/github.com/apptainer/container-library-client/client";
    private const string InstallHint = "apt-get install golang-go golang-github-apptainer-container-library-client-dev, or run bash .ci/run";
    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static string? _binary;

    /// <summary>Runs a harness command that must succeed; fails the test with the harness's stderr otherwise.</summary>
    public async Task<JsonElement> RunAsync(Uri server, string? token, params string[] args)
    {
        var result = await TryRunAsync(server, token, args);
        if (result.ExitCode != 0) Assert.Fail($"library-harness {string.Join(' ', args)} failed: {result}");
        try
        {
            using var output = JsonDocument.Parse(result.StandardOutput);
            return output.RootElement.Clone();
        }
        catch (JsonException e)
        {
            Assert.Fail($"library-harness {string.Join(' ', args)} printed no JSON ({e.Message}): {result}");
            throw;
        }
    }

    /// <summary>Runs a harness command that may fail (refusals, not-found); the caller checks the exit code.</summary>
    public async Task<CommandResult> TryRunAsync(Uri server, string? token, params string[] args)
    {
        var binary = await BuildOnceAsync();
        // The token goes on the command line: these are throwaway tokens of throwaway test servers.
        string[] arguments = token is null
            ? ["-url", server.ToString(), .. args]
            : ["-url", server.ToString(), "-token", token, .. args];
        // A bound on a hung client or server, not a speed assertion: pushes of 64 MiB+ on a busy machine.
        return await RunProcessAsync(binary, arguments, null, TimeSpan.FromMinutes(15));
    }

    private static async Task<string> BuildOnceAsync()
    {
        await BuildLock.WaitAsync();
        try
        {
            return _binary ??= await BuildAsync();
        }
        finally
        {
            BuildLock.Release();
        }
    }

    private static async Task<string> BuildAsync()
    {
        if (!Directory.Exists(ClientLibrary))
        {
            throw new InvalidOperationException($"The library-client tests need the Apptainer library client's Go source in {ClientLibrary}: {InstallHint}");
        }

        var output = Path.Combine(AppContext.BaseDirectory, "library-harness");
        var gopath = Path.Combine(output, "gopath");
        Directory.CreateDirectory(gopath);
        var binary = Path.Combine(output, "library-harness");
        var environment = new Dictionary<string, string>
        {
            // Debian packages Go libraries as a GOPATH tree, not modules; the first GOPATH entry is
            // where go may write, so it is ours rather than the system's.
            ["GO111MODULE"] = "off",
            ["GOPATH"] = $"{gopath}:/usr/share/gocode",
            ["GOFLAGS"] = "",
            // Pure Go: no C compiler needed, and the binary does not depend on the machine's libc.
            ["CGO_ENABLED"] = "0",
        };
        if (Environment.GetEnvironmentVariable("GOCACHE") is null
            && Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is null
            && Environment.GetEnvironmentVariable("HOME") is null)
        {
            // go refuses to build without somewhere to cache; CI runners may have no HOME.
            environment["GOCACHE"] = Path.Combine(output, "gocache");
        }

        CommandResult result;
        try
        {
            result = await RunProcessAsync("go", ["build", "-o", binary, "."], FindSource(), TimeSpan.FromMinutes(10), environment);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run 'go' ({e.Message}); the library-client tests build a Go harness: {InstallHint}", e);
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the library harness failed ({InstallHint} if packages are missing):\n{result}");
        }

        return binary;
    }

    private static string FindSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SRegistry.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "interop", "library-harness");
            }
        }

        throw new DirectoryNotFoundException("SRegistry.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<CommandResult> RunProcessAsync(
        string fileName, IEnumerable<string> args, string? workingDirectory, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {limit}:\n{await stderr}");
        }

        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }
}
