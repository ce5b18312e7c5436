namespace SRegistry.Bench;

/// <summary>
/// A big SIF image pushed and pulled the way sregistry-cli does it (<c>POST /upload</c>, multipart), against
/// the registry running as its own process, watching the server's memory per phase: the upload must stream
/// to disk, so the server's peak resident memory stays flat however big the image is.
/// </summary>
internal static class SRegistryCliWorkload
{
    public const long DefaultSizeMib = 2048;
    public const int DefaultRounds = 2;

    /// <summary>What "flat" means here: the server's peak growth during an upload stays below this.</summary>
    private const long FlatBytes = 64L << 20;

    private const string Collection = "bench";
    private const string Tag = "latest";
    private const string PushPhase = "push (chunked_upload + POST /upload)";

    public static async Task RunAsync(long paddingBytes, int rounds, string? directory, Scoreboard scoreboard)
    {
        // Created 0755 (umask 022): as root the embedded PostgreSQL runs as postgres, which must reach the data directory.
        var root = Path.Combine(directory ?? Path.GetTempPath(), "sregistry-bench-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var results = new List<Measurement>();
        var client = new List<(string Phase, long Growth)>();
        var serverResident = new List<(string When, long Bytes)>();
        try
        {
            Console.WriteLine("cli workload: building the server (Release) ...");
            var dll = await Checkout.ServerAsync();
            var data = Path.Combine(root, "data");
            Directory.CreateDirectory(data);
            await using var server = await ServerProcess.StartAsync(dll, data);
            await server.AdminAsync("user", "create", "bench");
            var apiToken = (await server.AdminAsync("token", "create", "bench", "--name", "bench")).Trim();
            using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None })
            {
                Timeout = TimeSpan.FromHours(1),
            };
            var key = await SRegistryCliPush.TokenAsync(http, server.BaseAddress, apiToken);
            if (!key.StartsWith("sregcli_", StringComparison.Ordinal)) throw new BenchFailure($"GET /api/token answered '{key[..Math.Min(8, key.Length)]}…', not an sregcli_ token");
            var cli = new SRegistryCliPush(http, server.BaseAddress, "bench", key);

            var perPhasePeak = ProcessMemory.ResetPeak(server.Id) & ProcessMemory.ResetPeak();
            serverResident.Add(("at start", ProcessMemory.Resident(server.Id)));
            Console.WriteLine($"cli workload: {paddingBytes >> 20} MiB SIF x {rounds} rounds in {root}, {Environment.ProcessorCount} cores, "
                + $"server pid {server.Id} at {server.BaseAddress}, " + (perPhasePeak ? "peak RSS per phase" : "peak RSS since start (clear_refs unavailable)"));
            Console.WriteLine("seconds: the whole phase; xfer: push until the client sent the file's last byte, pull the download (HEAD + GET). RSS: the server");

            Console.WriteLine("cli workload: warm-up push and pull of a 70 MiB image (not measured) ...");
            var warmUp = Path.Combine(root, "warm-up");
            var (warmImage, warmSize, warmHash) = await CreateImageAsync(warmUp, 70 << 20, seed: 0);
            await PushAsync(server, cli, warmImage, warmSize, "warm-up");
            await PullAsync(server, cli, data, "warm-up", warmSize, warmHash);
            Directory.Delete(warmUp, recursive: true);
            serverResident.Add(("after the warm-up", ProcessMemory.Resident(server.Id)));
            Console.WriteLine(Measurement.HeadingWithTransfer);

            for (var round = 0; round < rounds; round++)
            {
                var work = Path.Combine(root, $"round-{round + 1}");
                var (image, size, hash) = await CreateImageAsync(work, paddingBytes, seed: (ulong)round + 1);
                var name = $"image-{round + 1}";

                var (push, pushClient) = await PushAsync(server, cli, image, size, name);
                Report(results, push);
                client.Add((push.Phase, pushClient));
                var (pull, pullClient) = await PullAsync(server, cli, data, name, size, hash);
                Report(results, pull);
                client.Add(("pull", pullClient));
                Directory.Delete(work, recursive: true);
            }

            serverResident.Add(("at the end", ProcessMemory.Resident(server.Id)));
            await server.StopAsync();
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }

        Summarize(results, client, serverResident, rounds);
        var gib = paddingBytes >= 1L << 30 ? $"{paddingBytes >> 30} GiB" : $"{paddingBytes >> 20} MiB";
        scoreboard.AddPush(Figure.FromRounds($"sregistry-cli push ({gib} SIF, POST /upload)", [.. results.Where(r => r.Phase == PushPhase)]));
        scoreboard.AddPull(Figure.FromRounds($"sregistry-cli pull ({gib} SIF, cold)", [.. results.Where(r => r.Phase.StartsWith("pull", StringComparison.Ordinal))]));
    }

    private static async Task<(string Image, long Size, string Hash)> CreateImageAsync(string work, long paddingBytes, ulong seed)
    {
        Directory.CreateDirectory(work);
        var image = await SifImage.CreateAsync(work, paddingBytes, seed);
        return (image, new FileInfo(image).Length, (await ReferenceFile.HashFileAsync(image)).Hex);
    }

    /// <summary>chunked_upload then POST /upload; the server's memory from before the first request to the answer of the second.</summary>
    private static async Task<(Measurement Push, long ClientGrowth)> PushAsync(ServerProcess server, SRegistryCliPush cli, string image, long size, string name)
    {
        var (before, clientBefore) = ResetPeaks(server);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cid = await cli.RequestPushAsync(Collection, name, Tag);
        var requested = watch.Elapsed;
        var sent = await cli.UploadAsync(image, cid, Collection, name, Tag);
        var elapsed = watch.Elapsed;
        server.ThrowIfExited();
        return (new Measurement(PushPhase, size, elapsed, before, ProcessMemory.Peak(server.Id), requested + sent), ProcessMemory.Peak() - clientBefore);
    }

    /// <summary>Manifest, HEAD and GET hashed as it streams, with the image's blob dropped from the page cache first; the sha256 must be the file's.</summary>
    private static async Task<(Measurement Pull, long ClientGrowth)> PullAsync(ServerProcess server, SRegistryCliPush cli, string data, string name, long size, string hash)
    {
        // The pushed blob was just written, so it is in the page cache; a registry mostly serves images pushed long ago.
        var cold = PageCache.Evict(BlobOf(data, hash)) ? ", cold" : "";
        var (before, clientBefore) = ResetPeaks(server);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (version, pulledSize, pulledHash, download) = await cli.PullAsync(Collection, name, Tag);
        var elapsed = watch.Elapsed;
        server.ThrowIfExited();
        if (pulledSize != size || pulledHash != hash || version != "sha256." + hash)
            throw new BenchFailure($"MISMATCH: pull of {Collection}/{name}:{Tag}: expected {size} bytes with sha256 {hash}, "
                + $"got {pulledSize} bytes with sha256 {pulledHash} (manifest version {version})");
        return (new Measurement($"pull (manifest, HEAD, GET{cold})", size, elapsed, before, ProcessMemory.Peak(server.Id), download), ProcessMemory.Peak() - clientBefore);
    }

    private static (long Server, long Client) ResetPeaks(ServerProcess server)
    {
        ProcessMemory.ResetPeak(server.Id);
        ProcessMemory.ResetPeak();
        return (ProcessMemory.Resident(server.Id), ProcessMemory.Resident());
    }

    // Where the filesystem store keeps the image's bytes (under <data>/blobs), to drop them from the page cache.
    private static string BlobOf(string data, string hash) =>
        Directory.EnumerateFiles(Path.Combine(data, "blobs"), hash, SearchOption.AllDirectories).SingleOrDefault()
        ?? throw new BenchFailure($"the pushed image's blob sha256:{hash} is not under {Path.Combine(data, "blobs")}");

    private static void Report(List<Measurement> results, Measurement measurement)
    {
        results.Add(measurement);
        Console.WriteLine(measurement.ToStringWithTransfer());
    }

    private static void Summarize(List<Measurement> results, List<(string Phase, long Growth)> client, List<(string When, long Bytes)> serverResident, int rounds)
    {
        Console.WriteLine($"median over {rounds} rounds:");
        var medians = Measurement.Medians(results);
        foreach (var median in medians) Console.WriteLine(median.ToStringWithTransfer());

        var push = medians.Single(m => m.Phase == PushPhase);
        Console.WriteLine($"push: {push.MegabytesPerSecond:F0} MB/s end to end; the body went out at {push.TransferMegabytesPerSecond:F0} MB/s, then the server took "
            + $"{(push.Elapsed - push.Transfer!.Value).TotalSeconds:F2} s (difference of the medians) to answer (storing the spooled file: sha256, fsync, rename into place, SIF header)");
        foreach (var pull in medians.Where(m => m.Phase.StartsWith("pull", StringComparison.Ordinal)))
            Console.WriteLine($"{pull.Phase}: {pull.MegabytesPerSecond:F0} MB/s, download alone {pull.TransferMegabytesPerSecond:F0} MB/s");
        Console.WriteLine("largest server peak RSS growth in any round: " + string.Join(", ", results
            .GroupBy(r => r.Phase.Split(" (")[0]).Select(g => $"{g.Key} {Measurement.Mib(g.Max(r => r.Growth))}")));
        var upload = results.Where(r => r.Phase == PushPhase).Max(r => r.Growth);
        Console.WriteLine($"upload of {Measurement.Mib(push.Bytes)}: server peak RSS growth {Measurement.Mib(upload)} (largest of {rounds}) — "
            + (upload < FlatBytes ? $"flat (under {Measurement.Mib(FlatBytes)})" : $"NOT flat (target under {Measurement.Mib(FlatBytes)})"));
        Console.WriteLine("largest bench (client) peak RSS growth in any round: " + string.Join(", ", client
            .GroupBy(c => c.Phase.Split(" (")[0]).Select(g => $"{g.Key} {Measurement.Mib(g.Max(c => c.Growth))}")));
        Console.WriteLine("server RSS " + string.Join(", ", serverResident.Select(r => $"{r.When} {Measurement.Mib(r.Bytes)}")));
        Console.WriteLine("all digests agree");
    }
}
