using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SRegistry.Bench;

/// <summary>
/// tests/interop/library-harness: the real Apptainer library client (Go), which prints one JSON object per
/// command. Besides the wall time, a run can find when the bytes moved: from a line of the client's log
/// to another, or to the moment the harness has written a number of bytes (/proc/&lt;pid&gt;/io).
/// </summary>
internal sealed class Harness(string binary, ServerProcess server, string token)
{
    private const string ClientLibrary = "/usr/share/gocode/src/github.com/apptainer/container-library-client/client";
    private const string InstallHint = "apt-get install golang-go golang-github-apptainer-container-library-client-dev";

    /// <summary>Builds the harness into <paramref name="output"/> (GOPATH mode, as the tests do); returns the binary.</summary>
    public static async Task<string> BuildAsync(string repository, string output)
    {
        if (!Directory.Exists(ClientLibrary)) throw new BenchFailure($"the Apptainer library client's Go source is not in {ClientLibrary}: {InstallHint}");
        var gopath = Path.Combine(output, "gopath");
        Directory.CreateDirectory(gopath);
        var binary = Path.Combine(output, "library-harness");
        var environment = new Dictionary<string, string?>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = $"{gopath}:/usr/share/gocode",
            ["GOFLAGS"] = "",
            ["CGO_ENABLED"] = "0",
        };
        if (System.Environment.GetEnvironmentVariable("HOME") is null && System.Environment.GetEnvironmentVariable("GOCACHE") is null)
            environment["GOCACHE"] = Path.Combine(output, "gocache");
        await Command.RunAsync("go", ["build", "-o", binary, "."], TimeSpan.FromMinutes(10), InstallHint,
            Path.Combine(repository, "tests", "interop", "library-harness"), environment);
        return binary;
    }

    /// <summary>
    /// Runs a harness command that must succeed, noting when the client's log first shows each of
    /// <paramref name="marks"/> and, when <paramref name="watchWrittenBytes"/> is given, when the harness
    /// has written that many bytes.
    /// </summary>
    public async Task<HarnessRun> RunAsync(string[] args, string[] marks, long? watchWrittenBytes = null)
    {
        var start = Command.Start(binary, ["-url", server.BaseAddress.ToString().TrimEnd('/'), "-token", token, .. args]);
        var clock = Stopwatch.StartNew();
        using var process = Command.Launch(start, InstallHint);
        process.StandardInput.Close();
        var seen = new Dictionary<string, TimeSpan>();
        TimeSpan? written = null;
        var log = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                var at = clock.Elapsed;
                foreach (var mark in marks.Where(m => line.Contains(m, StringComparison.Ordinal))) seen.TryAdd(mark, at);
                log.AppendLine(line);
            }
        });

        var exited = process.WaitForExitAsync();
        var described = $"library-harness {string.Join(' ', args)}";
        while (!exited.IsCompleted)
        {
            if (watchWrittenBytes is { } target && written is null && WrittenBytes(process.Id) >= target) written = clock.Elapsed;
            if (clock.Elapsed > TimeSpan.FromMinutes(20))
            {
                process.Kill(entireProcessTree: true);
                throw new BenchFailure($"{described} did not finish within 20 minutes");
            }
            try
            {
                server.ThrowIfExited();
            }
            catch (BenchFailure)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            await Task.WhenAny(exited, Task.Delay(10));
        }
        var elapsed = clock.Elapsed;
        await stderr;
        server.ThrowIfExited();
        if (process.ExitCode != 0) throw new BenchFailure($"{described} exited with {process.ExitCode}:\n{Tail(log.ToString())}");

        JsonElement output;
        try
        {
            using var document = JsonDocument.Parse(await stdout);
            output = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new BenchFailure($"{described} printed no JSON ({e.Message})");
        }

        if (watchWrittenBytes is not null && written is null) throw new BenchFailure($"{described}: the harness never wrote {watchWrittenBytes} bytes");
        return new HarnessRun(output, elapsed, seen, written);
    }

    // wchar: bytes the process passed to write() and pwrite() so far, whether or not they reached the disk.
    private static long WrittenBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/io").FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["wchar:".Length..].Trim());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0; // exited meanwhile
        }
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(30));
}

/// <summary>
/// A finished harness command: its JSON output, its wall time, when (from its start) the client's log showed
/// each mark, and when the harness had written the bytes it was watched for.
/// </summary>
internal sealed record HarnessRun(JsonElement Output, TimeSpan Elapsed, IReadOnlyDictionary<string, TimeSpan> Marks, TimeSpan? Written)
{
    /// <summary>When the client's log first showed <paramref name="mark"/>.</summary>
    public TimeSpan At(string mark) =>
        Marks.TryGetValue(mark, out var at) ? at : throw new BenchFailure($"the client's log never showed '{mark}'");
}
