using System.Text.Json;

namespace SRegistry.Bench;

/// <summary>
/// A SIF image pushed and pulled through the library API by the real Apptainer library client, against
/// the registry running as its own process; the server's memory is watched per phase, and a plain
/// fsync'd write of the same size puts the push in proportion.
/// </summary>
internal static class LibraryWorkload
{
    public const int Concurrency = 4;
    public const string ReferencePhase = "reference write (FileStream, fsync)";
    public const string SinglePartPhase = "push (single part, forced)";

    // Lines of the client's log (container-library-client 1.2.2) that mark where the bytes start and stop moving.
    private const string UploadStarts = "Now uploading to the library";
    private const string CompletionStarts = "Completing multipart upload";
    private const string UploadEnds = "Upload completed OK";
    private const string DownloadStarts = "Pulling from URL";

    public static async Task RunAsync(long paddingBytes, int rounds, string? directory, Scoreboard scoreboard)
    {
        // Created 0755 (umask 022): as root the embedded PostgreSQL runs as postgres, which must reach the data directory.
        var root = Path.Combine(directory ?? Path.GetTempPath(), "sregistry-bench-library-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var results = new List<Measurement>();
        var completions = new List<TimeSpan>();
        var serverResident = new List<(string When, long Bytes)>();
        try
        {
            Console.WriteLine("library workload: building the server (Release) and the Go harness ...");
            var dll = await Checkout.ServerAsync();
            var binary = await Checkout.HarnessAsync();
            var data = Path.Combine(root, "data");
            Directory.CreateDirectory(data);
            await using var server = await ServerProcess.StartAsync(dll, data);
            await server.AdminAsync("user", "create", "bench");
            var token = (await server.AdminAsync("token", "create", "bench", "--name", "bench")).Trim();
            var harness = new Harness(binary, server, token);
            var perPhasePeak = ProcessMemory.ResetPeak(server.Id);
            serverResident.Add(("at start", ProcessMemory.Resident(server.Id)));
            Console.WriteLine($"library workload: {paddingBytes >> 20} MiB SIF x {rounds} rounds in {root}, {Environment.ProcessorCount} cores, "
                + $"server pid {server.Id} at {server.BaseAddress}, " + (perPhasePeak ? "server peak RSS per phase" : "server peak RSS since start (clear_refs unavailable)"));
            Console.WriteLine("seconds: the harness process, start to exit; xfer: while the bytes move. RSS: the server (reference write: this process)");
            await WarmUpAsync(server, harness, Path.Combine(root, "warm-up"), data);
            serverResident.Add(("after the warm-up", ProcessMemory.Resident(server.Id)));
            Console.WriteLine(Measurement.HeadingWithTransfer);

            for (var round = 0; round < rounds; round++)
            {
                var work = Path.Combine(root, $"round-{round + 1}");
                var (image, size, hash) = await CreateImageAsync(work, paddingBytes, seed: (ulong)round + 1);
                var reference = $"bench/bench/image-{round + 1}:latest";

                // The order alternates between rounds, as in the store workload: the second of two back-to-back writes is often slower.
                var referenceFile = Path.Combine(work, "reference.bin");
                Func<Task> referenceWrite = async () =>
                {
                    Report(results, await StoreWorkload.MeasureAsync(ReferencePhase, size, () => ReferenceFile.WriteAsync(referenceFile, size)));
                    File.Delete(referenceFile);
                };
                if (round % 2 == 0) await referenceWrite();
                var (push, completion) = await PushAsync(server, harness, image, size, hash, reference, singlePart: false);
                Report(results, push);
                if (completion is { } c) completions.Add(c);
                if (round % 2 == 1) await referenceWrite();

                // A second, fresh image (the same bytes would be found uploaded and not sent), forced into one part.
                var single = Path.Combine(work, "single-part");
                var (singleImage, singleSize, singleHash) = await CreateImageAsync(single, paddingBytes, seed: 1000 + (ulong)round);
                Report(results, (await PushAsync(server, harness, singleImage, singleSize, singleHash, $"bench/bench/single-{round + 1}:latest", singlePart: true)).Push);
                Directory.Delete(single, recursive: true);

                var blob = BlobOf(data, hash);
                var pulled = Path.Combine(work, "pulled.sif");
                var pulls = new List<int> { 1, Concurrency };
                if (round % 2 == 1) pulls.Reverse();
                foreach (var concurrency in pulls)
                {
                    Report(results, await PullAsync(server, harness, reference, pulled, concurrency, size, hash, blob));
                    File.Delete(pulled);
                }
                Directory.Delete(work, recursive: true);
            }

            serverResident.Add(("at the end", ProcessMemory.Resident(server.Id)));
            await server.StopAsync();
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }

        LibrarySummary.Print(results, completions, serverResident, rounds);
        LibrarySummary.AddTo(scoreboard, results, paddingBytes);
    }

    /// <summary>One unmeasured push and pull (multipart), so that the first round does not pay for the server's JIT and caches.</summary>
    private static async Task WarmUpAsync(ServerProcess server, Harness harness, string work, string data)
    {
        Console.WriteLine("library workload: warm-up push and pull of a 70 MiB image (not measured) ...");
        var (image, size, hash) = await CreateImageAsync(work, 70 << 20, seed: 0);
        await PushAsync(server, harness, image, size, hash, "bench/bench/warm-up:latest", singlePart: false);
        await PullAsync(server, harness, "bench/bench/warm-up:latest", Path.Combine(work, "pulled.sif"), 1, size, hash, BlobOf(data, hash));
        Directory.Delete(work, recursive: true);
    }

    private static async Task<(string Image, long Size, string Hash)> CreateImageAsync(string work, long paddingBytes, ulong seed)
    {
        Directory.CreateDirectory(work);
        var image = await SifImage.CreateAsync(work, paddingBytes, seed);
        return (image, new FileInfo(image).Length, "sha256." + (await ReferenceFile.HashFileAsync(image)).Hex);
    }

    // Where the filesystem store keeps the image's bytes (under <data>/blobs), to drop them from the page cache.
    private static string BlobOf(string data, string hash) =>
        Directory.EnumerateFiles(Path.Combine(data, "blobs"), hash["sha256.".Length..], SearchOption.AllDirectories).SingleOrDefault()
        ?? throw new BenchFailure($"the pushed image's blob {hash} is not under {Path.Combine(data, "blobs")}");

    /// <summary>The push, and for a multipart push the completion: from the client's request to its answer (the server assembling the image).</summary>
    private static async Task<(Measurement Push, TimeSpan? Completion)> PushAsync(
        ServerProcess server, Harness harness, string image, long size, string hash, string reference, bool singlePart)
    {
        var (run, before, peak) = await WatchAsync(server, () => harness.RunAsync(
            ["push", image, reference, "-arch", "amd64", .. singlePart ? new[] { "-single-part" } : []], [UploadStarts, CompletionStarts, UploadEnds]));
        var output = run.Output;
        if (output.GetProperty("hash").GetString() != hash || !output.GetProperty("uploaded").GetBoolean())
            throw new BenchFailure($"push of {reference}: expected an upload of {hash}, the harness reported {output}");
        var requests = output.GetProperty("requests").EnumerateArray().ToList();
        // A refused start (404, as -single-part answers it) is no multipart upload.
        var multipart = requests.Any(r => Is(r, "POST", "/_multipart") && r.GetProperty("status").GetInt32() is >= 200 and < 300);
        var parts = requests.Count(r => Is(r, "PUT", "/v2/uploads/parts/"));
        if (singlePart && multipart) throw new BenchFailure($"push -single-part of {reference} went multipart");
        var phase = singlePart ? SinglePartPhase : multipart ? $"push (multipart, {parts} parts)" : "push (client's choice: single part)";
        var push = new Measurement(phase, size, run.Elapsed, before, peak, run.At(UploadEnds) - run.At(UploadStarts));
        return (push, multipart ? run.At(UploadEnds) - run.At(CompletionStarts) : null);
    }

    private static async Task<Measurement> PullAsync(
        ServerProcess server, Harness harness, string reference, string output, int concurrency, long size, string hash, string blob)
    {
        // The pushed blob was just written, so it is in the page cache; a registry mostly serves images pushed long ago.
        var cold = PageCache.Evict(blob) ? ", cold" : "";
        string[] args = concurrency > 1
            ? ["pull", reference, output, "-arch", "amd64", "-concurrent", $"{concurrency}"]
            : ["pull", reference, output, "-arch", "amd64"];
        var (run, before, peak) = await WatchAsync(server, () => harness.RunAsync(args, [DownloadStarts], watchWrittenBytes: size));
        var result = run.Output;
        if (result.GetProperty("sha256").GetString() != hash || result.GetProperty("size").GetInt64() != size)
            throw new BenchFailure($"pull of {reference}: expected {size} bytes with {hash}, the harness wrote {result.GetProperty("size")} bytes with {result.GetProperty("sha256")}");
        var ranges = result.GetProperty("rangeRequests").GetInt32();
        var phase = concurrency == 1 ? $"pull (plain{cold})"
            : $"pull -concurrent {concurrency} ({(ranges == 0 ? "single stream" : $"{ranges} ranges")}{cold})";
        return new Measurement(phase, size, run.Elapsed, before, peak, run.Written!.Value - run.At(DownloadStarts));
    }

    /// <summary>Runs a phase with the server's peak resident memory reset before it.</summary>
    private static async Task<(HarnessRun Run, long Before, long Peak)> WatchAsync(ServerProcess server, Func<Task<HarnessRun>> phase)
    {
        ProcessMemory.ResetPeak(server.Id);
        var before = ProcessMemory.Resident(server.Id);
        var run = await phase();
        server.ThrowIfExited();
        return (run, before, ProcessMemory.Peak(server.Id));
    }

    private static bool Is(JsonElement request, string method, string path) =>
        request.GetProperty("method").GetString() == method && request.GetProperty("path").GetString()!.Contains(path, StringComparison.Ordinal);

    private static void Report(List<Measurement> results, Measurement measurement)
    {
        results.Add(measurement);
        Console.WriteLine(measurement.ToStringWithTransfer());
    }
}
