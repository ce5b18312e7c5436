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

    private static readonly GoHarness Program = new(
        "library-harness",
        "/usr/share/gocode/src/github.com/apptainer/container-library-client/client",
        "apt-get install golang-go golang-github-apptainer-container-library-client-dev, or run bash .ci/run");

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
        var binary = await Program.BinaryAsync();
        // The token goes on the command line: these are throwaway tokens of throwaway test servers.
        string[] arguments = token is null
            ? ["-url", server.ToString(), .. args]
            : ["-url", server.ToString(), "-token", token, .. args];
        // A bound on a hung client or server, not a speed assertion: pushes of 64 MiB+ on a busy machine.
        return await ToolProcess.RunAsync(binary, arguments, TimeSpan.FromMinutes(15));
    }
}
