namespace SRegistry.Bench;

/// <summary>
/// The same OCI blob workloads against SRegistry (bearer token from its <c>/v2/token</c>) and docker-registry
/// (anonymous), both running as their own processes on loopback with fresh storage: monolithic and chunked
/// push of a fresh blob, a cold pull of it, and concurrent pulls of a smaller blob. The order of the two
/// registries alternates between rounds.
/// </summary>
internal static class OciWorkload
{
    private const string Repository = "bench/oci/blobs";
    private const string SRegistryName = "SRegistry";
    private const string DockerRegistryName = "docker-registry";

    public static async Task RunAsync(OciSettings settings, int rounds, string? directory, Scoreboard scoreboard)
    {
        var (size, pullSize, pulls) = (settings.Size, settings.ConcurrentSize, settings.ConcurrentPulls);
        var chunk = Math.Clamp(size / 16 >> 20 << 20, 1L << 20, 64L << 20);
        var root = Path.Combine(directory ?? Path.GetTempPath(), "sregistry-bench-oci-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var results = new List<Measurement>();
        try
        {
            Console.WriteLine("oci workload: building the server (Release) ...");
            var dll = await Checkout.ServerAsync();
            var data = Path.Combine(root, "sregistry-data");
            Directory.CreateDirectory(data);
            await using var server = await ServerProcess.StartAsync(dll, data);
            await server.AdminAsync("user", "create", "bench");
            var token = (await server.AdminAsync("token", "create", "bench", "--name", "bench")).Trim();
            var registryDirectory = Path.Combine(root, "docker-registry");
            Directory.CreateDirectory(registryDirectory);
            await using var registry = await DockerRegistryProcess.StartAsync(registryDirectory);
            using var http = OciClient.CreateHttp();
            OciTarget[] targets =
            [
                new(SRegistryName, new OciClient(http, server.BaseAddress, Repository, ("bench", token)), server.Id, hex => BlobOf(data, hex), server.ThrowIfExited),
                new(DockerRegistryName, new OciClient(http, registry.BaseAddress, Repository, null), registry.Id, registry.BlobFile, registry.ThrowIfExited),
            ];
            Console.WriteLine($"oci workload: {size >> 20} MiB blobs (chunks of {chunk >> 20} MiB), {pulls} concurrent pulls of {pullSize >> 20} MiB, x {rounds} rounds in {root}; "
                + $"SRegistry pid {server.Id} at {server.BaseAddress}, docker-registry pid {registry.Id} at {registry.BaseAddress}; RSS: the registry's");

            var content = Path.Combine(root, "content");
            Directory.CreateDirectory(content);
            Console.WriteLine("oci workload: warm-up push (monolithic, chunked) and pull of 16 MiB blobs on both, and the concurrent pulls' blob (not measured) ...");
            foreach (var target in targets)
            {
                var warm = await OciBlobFile.CreateAsync(Path.Combine(content, $"warm-{target.Name}"), 16 << 20, seed: 100 + (ulong)target.Name.Length);
                await target.WatchAsync("warm-up", warm.Size, () => target.Client.PushMonolithicAsync(warm.Path, warm.Digest));
                var warmChunked = await OciBlobFile.CreateAsync(Path.Combine(content, $"warm-chunked-{target.Name}"), 16 << 20, seed: 200 + (ulong)target.Name.Length);
                await target.WatchAsync("warm-up", warm.Size, () => target.Client.PushChunkedAsync(warmChunked.Path, warmChunked.Digest, 4 << 20));
                await target.WatchAsync("warm-up", warm.Size, () => PullAsync(target, warm, 1));
                File.Delete(warm.Path);
                File.Delete(warmChunked.Path);
            }
            var shared = await OciBlobFile.CreateAsync(Path.Combine(content, "concurrent"), pullSize, seed: 999);
            foreach (var target in targets) await target.WatchAsync("setup", shared.Size, () => target.Client.PushMonolithicAsync(shared.Path, shared.Digest));
            File.Delete(shared.Path);

            Console.WriteLine(Measurement.Heading);
            for (var round = 0; round < rounds; round++)
            {
                var monolithic = await OciBlobFile.CreateAsync(Path.Combine(content, $"monolithic-{round}"), size, seed: 2 * (ulong)round + 1);
                var chunked = await OciBlobFile.CreateAsync(Path.Combine(content, $"chunked-{round}"), size, seed: 2 * (ulong)round + 2);
                // The second registry of a round may find the disk busier (writeback of the first's blobs): alternate.
                foreach (var target in round % 2 == 0 ? targets : [targets[1], targets[0]])
                {
                    Report(results, await target.WatchAsync("monolithic push", size, () => target.Client.PushMonolithicAsync(monolithic.Path, monolithic.Digest)));
                    Report(results, await target.WatchAsync($"chunked push ({chunk >> 20} MiB chunks)", size,
                        () => target.Client.PushChunkedAsync(chunked.Path, chunked.Digest, chunk)));
                    var cold = target.Evict(monolithic) ? ", cold" : "";
                    Report(results, await target.WatchAsync($"pull{cold}", size, () => PullAsync(target, monolithic, 1)));
                    target.Evict(shared);
                    Report(results, await target.WatchAsync($"{pulls} concurrent pulls of {pullSize >> 20} MiB", pulls * pullSize, () => PullAsync(target, shared, pulls)));
                }
                File.Delete(monolithic.Path);
                File.Delete(chunked.Path);
            }

            await registry.StopAsync();
            await server.StopAsync();
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }

        Console.WriteLine($"median over {rounds} rounds:");
        foreach (var median in Measurement.Medians(results)) Console.WriteLine(median);
        Console.WriteLine($"all digests agree; every one of the {pulls} concurrent pulls of every round completed");
        List<Measurement> Of(string registryName, string phase) =>
            [.. results.Where(r => r.Phase.StartsWith($"{registryName}: {phase}", StringComparison.Ordinal))];
        Figure Both(string workload, string phase) => Figure.FromRounds(workload, Of(SRegistryName, phase), Of(DockerRegistryName, phase));
        scoreboard.AddPush(Both($"OCI monolithic push ({Size(size)})", "monolithic push"));
        scoreboard.AddPush(Both($"OCI chunked push ({Size(size)}, {chunk >> 20} MiB PATCHes)", "chunked push"));
        scoreboard.AddPull(Both($"OCI pull ({Size(size)}, cold)", "pull"));
        // Not one transfer: 32 connections, each with its buffers, so the 1 GiB memory target does not apply.
        scoreboard.AddPull(Both($"OCI {pulls} concurrent pulls ({Size(pullSize)} each, total)", $"{pulls} concurrent") with { BigTransfer = false });
    }

    /// <summary><paramref name="count"/> GETs at once; every one must complete with the blob's exact size and digest.</summary>
    private static async Task PullAsync(OciTarget target, OciBlobFile blob, int count)
    {
        var pulls = await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            try
            {
                var (size, digest) = await target.Client.PullAsync(blob.Digest);
                return size == blob.Size && digest == blob.Digest ? null : $"MISMATCH: got {size} bytes with {digest}, expected {blob.Size} with {blob.Digest}";
            }
            catch (Exception e) when (e is BenchFailure or HttpRequestException or IOException or TaskCanceledException)
            {
                return e.Message;
            }
        }));
        var failed = pulls.Where(p => p is not null).ToList();
        if (failed.Count > 0)
            throw new BenchFailure($"{target.Name}: {failed.Count} of {count} pulls of {blob.Digest} failed; the first: {failed[0]}");
    }

    private static string Size(long bytes) => bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB" : $"{bytes >> 20} MiB";

    private static string BlobOf(string data, string hex) =>
        Directory.EnumerateFiles(Path.Combine(data, "blobs"), hex, SearchOption.AllDirectories).SingleOrDefault() ?? Path.Combine(data, "blobs", "missing", hex);

    private static void Report(List<Measurement> results, Measurement measurement)
    {
        results.Add(measurement);
        Console.WriteLine(measurement);
    }
}
