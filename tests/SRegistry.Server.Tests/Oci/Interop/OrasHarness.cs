using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Oci.Interop;

/// <summary>
/// The Go program in <c>tests/interop/oras-harness</c>: <c>singularity push/pull oras://</c> as Singularity 3.x
/// does them, with Debian's oras-go 1.1.1 and containerd's docker resolver (which handles the registry's
/// token challenge itself). Push prints <c>manifestDigest</c>, <c>configDigest</c>, <c>layerDigest</c>, <c>size</c>;
/// pull prints <c>manifestDigest</c>, <c>layerDigest</c>, <c>sha256</c> (of the file written), <c>size</c>.
/// </summary>
public sealed class OrasHarness
{
    /// <summary>The harness's exit code when the registry answered that the reference does not exist.</summary>
    public const int NotFound = 2;

    private static readonly GoHarness Program = new(
        "oras-harness",
        "/usr/share/gocode/src/oras.land/oras-go/pkg/oras",
        "apt-get install golang-go golang-oras-oras-go-dev, or run bash .ci/run");

    /// <summary>Pushes a SIF to <c>HOST:PORT/NAME:TAG</c>; fails the test if the push fails.</summary>
    public Task<JsonElement> PushAsync(string file, string reference, RegistryCredentials? credentials) =>
        OkAsync(["push", file, reference], credentials);

    /// <summary>Pulls <c>HOST:PORT/NAME:TAG</c> into <paramref name="file"/>; fails the test if the pull fails.</summary>
    public Task<JsonElement> PullAsync(string reference, string file, RegistryCredentials? credentials) =>
        OkAsync(["pull", reference, file], credentials);

    /// <summary>Runs <c>push FILE REF</c> or <c>pull REF FILE</c> that may fail; the caller checks the exit code.</summary>
    public async Task<CommandResult> TryRunAsync(string[] args, RegistryCredentials? credentials)
    {
        var binary = await Program.BinaryAsync();
        // In the environment rather than on the command line, and always set, so a caller's ORAS_* never leaks in.
        var environment = new Dictionary<string, string>
        {
            ["ORAS_USERNAME"] = credentials?.Username ?? "",
            ["ORAS_PASSWORD"] = credentials?.Secret ?? "",
        };
        // A bound on a hung client or registry, not a speed assertion.
        return await ToolProcess.RunAsync(binary, args, TimeSpan.FromMinutes(15), environment: environment);
    }

    private async Task<JsonElement> OkAsync(string[] args, RegistryCredentials? credentials)
    {
        var result = await TryRunAsync(args, credentials);
        if (result.ExitCode != 0) Assert.Fail($"oras-harness {string.Join(' ', args)} as {credentials?.Username ?? "anonymous"} failed: {result}");
        using var output = JsonDocument.Parse(result.StandardOutput);
        return output.RootElement.Clone();
    }
}
