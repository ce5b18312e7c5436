using System.ComponentModel;

namespace SRegistry.Server.Tests.Infrastructure;

/// <summary>
/// A Go program under <c>tests/interop/&lt;name&gt;</c> that drives a real client library from Debian's
/// GOPATH tree. Built on first use, once per test run, into the test output. When Go or the library is
/// missing the test fails saying what to install; it is never skipped silently.
/// </summary>
/// <param name="name">The program's folder under tests/interop, and its binary's name.</param>
/// <param name="librarySource">A directory the program needs under /usr/share/gocode, checked before building.</param>
/// <param name="installHint">What to install when something is missing.</param>
public sealed class GoHarness(string name, string librarySource, string installHint)
{
    private readonly SemaphoreSlim _buildLock = new(1, 1);
    private string? _binary;

    /// <summary>The built binary; builds it on the first call.</summary>
    public async Task<string> BinaryAsync()
    {
        await _buildLock.WaitAsync();
        try
        {
            return _binary ??= await BuildAsync();
        }
        finally
        {
            _buildLock.Release();
        }
    }

    private async Task<string> BuildAsync()
    {
        if (!Directory.Exists(librarySource))
        {
            throw new InvalidOperationException($"The {name} tests need Go source in {librarySource}: {installHint}");
        }

        var output = Path.Combine(AppContext.BaseDirectory, name);
        var gopath = Path.Combine(output, "gopath");
        Directory.CreateDirectory(gopath);
        var binary = Path.Combine(output, name);
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
            result = await ToolProcess.RunAsync("go", ["build", "-o", binary, "."], TimeSpan.FromMinutes(10), FindSource(), environment);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run 'go' ({e.Message}); the {name} tests build a Go harness: {installHint}", e);
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building {name} failed ({installHint} if packages are missing):\n{result}");
        }

        return binary;
    }

    private string FindSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SRegistry.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "interop", name);
            }
        }

        throw new DirectoryNotFoundException("SRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
