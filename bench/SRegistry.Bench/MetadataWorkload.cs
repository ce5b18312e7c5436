using System.Diagnostics;

namespace SRegistry.Bench;

/// <summary>
/// Metadata speed with many containers: one real image pushed by the Apptainer library client, then
/// containers seeded through the library API by several clients at once (create the container, create an
/// image of the same bytes — already uploaded, so no bytes move — and tag it), then library searches and
/// image lookups timed one at a time, warm, for their p50 and p99.
/// </summary>
internal static class MetadataWorkload
{
    private const int Seeders = 8;
    private const int WarmUps = 50;
    private const string Collection = "bench/seed";

    public static async Task RunAsync(int containers, int requests, int rounds, string? directory, Scoreboard scoreboard)
    {
        var root = Path.Combine(directory ?? Path.GetTempPath(), "sregistry-bench-metadata-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var search = new List<double>();
        var lookup = new List<double>();
        var searchMemory = new List<Measurement>();
        var lookupMemory = new List<Measurement>();
        TimeSpan seeding;
        Measurement seedMemory;
        try
        {
            Console.WriteLine("metadata workload: building the server (Release) and the Go harness ...");
            var dll = await Checkout.ServerAsync();
            var binary = await Checkout.HarnessAsync();
            var data = Path.Combine(root, "data");
            Directory.CreateDirectory(data);
            await using var server = await ServerProcess.StartAsync(dll, data);
            await server.AdminAsync("user", "create", "bench");
            var token = (await server.AdminAsync("token", "create", "bench", "--name", "bench")).Trim();
            var image = await SifImage.CreateAsync(Path.Combine(root, "template"), 64 << 10, seed: 7);
            var pushed = await new Harness(binary, server, token).RunAsync(["push", image, $"{Collection}/template:latest", "-arch", "amd64"], []);
            var hash = pushed.Output.GetProperty("hash").GetString()!;
            using var http = OciClient.CreateHttp();
            var api = new LibraryApi(http, server.BaseAddress, token);
            var collectionId = (await api.GetAsync($"/v1/collections/{Collection}")).Data.GetProperty("id").GetString()!;

            Console.WriteLine($"metadata workload: seeding {containers} containers through the library API ({Seeders} clients at once) ...");
            ProcessMemory.ResetPeak(server.Id);
            var before = ProcessMemory.Resident(server.Id);
            var clock = Stopwatch.StartNew();
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, Seeders).Select(_ => Task.Run(async () =>
            {
                // The template is one of the containers.
                for (int i; (i = Interlocked.Increment(ref next)) < containers;)
                {
                    await SeedAsync(api, collectionId, Name(i), hash);
                    if (i % 1000 == 0) Console.WriteLine($"  {i} containers after {clock.Elapsed.TotalSeconds:F0} s");
                }
            })));
            seeding = clock.Elapsed;
            server.ThrowIfExited();
            seedMemory = new Measurement("seed", 0, seeding, before, ProcessMemory.Peak(server.Id));
            Console.WriteLine($"metadata workload: seeded in {seeding.TotalSeconds:F1} s ({containers / seeding.TotalSeconds:F0} containers/s); "
                + $"timing {requests} searches and {requests} lookups per round, one at a time, after {WarmUps} unmeasured of each");

            var random = new Random(42);
            var seeded = Math.Max(1, containers - 1);
            string SearchPath() => $"/v1/search?value=c{random.Next(Math.Max(1, seeded / 10)):D4}";
            string LookupPath() => $"/v1/images/{Collection}/{Name(1 + random.Next(seeded))}:latest?arch=amd64";
            for (var i = 0; i < WarmUps; i++)
            {
                await api.GetAsync(SearchPath());
                await api.GetAsync(LookupPath());
            }

            Console.WriteLine($"{"round",-6} {"search p50",11} {"search p99",11} {"lookup p50",11} {"lookup p99",11} {"peak RSS",9} {"growth",8}");
            for (var round = 0; round < rounds; round++)
            {
                var (searches, searchWatch) = await TimeAsync(server, "search", requests, async () =>
                {
                    var (found, elapsed) = await api.GetAsync(SearchPath());
                    if (found.GetProperty("container").GetArrayLength() == 0) throw new BenchFailure($"a search found no container: {found}");
                    return elapsed;
                });
                var (lookups, lookupWatch) = await TimeAsync(server, "lookup", requests, async () =>
                {
                    var (found, elapsed) = await api.GetAsync(LookupPath());
                    if (found.GetProperty("hash").GetString() != hash) throw new BenchFailure($"MISMATCH: a lookup answered {found}, expected hash {hash}");
                    return elapsed;
                });
                search.Add(Percentile(searches, 0.5));
                search.Add(Percentile(searches, 0.99));
                lookup.Add(Percentile(lookups, 0.5));
                lookup.Add(Percentile(lookups, 0.99));
                searchMemory.Add(searchWatch);
                lookupMemory.Add(lookupWatch);
                Console.WriteLine($"{round + 1,-6} {Percentile(searches, 0.5),8:F1} ms {Percentile(searches, 0.99),8:F1} ms {Percentile(lookups, 0.5),8:F1} ms {Percentile(lookups, 0.99),8:F1} ms "
                    + $"{Measurement.Mib(Math.Max(searchWatch.PeakResident, lookupWatch.PeakResident)),9} {Measurement.Mib(Math.Max(searchWatch.Growth, lookupWatch.Growth)),8}");
            }
            await server.StopAsync();
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }

        // search and lookup hold p50, p99 alternately, one pair per round.
        double Median(List<double> values, int offset) => Figure.Median(values.Where((_, i) => i % 2 == offset));
        scoreboard.Containers = containers;
        scoreboard.Add(new Figure($"metadata: seed {containers} containers (library API, {Seeders} clients)", Figure.Seconds)
        {
            SRegistry = seeding.TotalSeconds, SRegistryMemory = ServerMemory.Worst([seedMemory]),
        });
        scoreboard.Add(new Figure("metadata: search p50", Figure.Milliseconds) { SRegistry = Median(search, 0), SRegistryMemory = ServerMemory.Worst(searchMemory) });
        scoreboard.Add(new Figure("metadata: search p99", Figure.Milliseconds) { SRegistry = Median(search, 1) });
        scoreboard.Add(new Figure("metadata: image lookup p50", Figure.Milliseconds) { SRegistry = Median(lookup, 0), SRegistryMemory = ServerMemory.Worst(lookupMemory) });
        scoreboard.Add(new Figure("metadata: image lookup p99", Figure.Milliseconds) { SRegistry = Median(lookup, 1) });
    }

    private static string Name(int index) => $"c{index:D5}";

    /// <summary>What a push of the same bytes to a new container does: create the container, its image (found uploaded), the tag.</summary>
    private static async Task SeedAsync(LibraryApi api, string collectionId, string name, string hash)
    {
        var container = await api.PostAsync("/v1/containers", new { name, collection = collectionId });
        var containerId = container.GetProperty("id").GetString()!;
        var image = await api.PostAsync("/v1/images", new { hash, container = containerId, arch = "amd64" });
        if (!image.GetProperty("uploaded").GetBoolean()) throw new BenchFailure($"the image of {name} was not found uploaded (same bytes as the template): {image}");
        await api.PostAsync($"/v2/tags/{containerId}", new { Arch = "amd64", Tag = "latest", ImageID = image.GetProperty("id").GetString() });
    }

    /// <summary>Runs <paramref name="count"/> requests one after another; returns their latencies (ms) and the server's memory during them.</summary>
    private static async Task<(List<double> Latencies, Measurement Memory)> TimeAsync(ServerProcess server, string phase, int count, Func<Task<TimeSpan>> request)
    {
        ProcessMemory.ResetPeak(server.Id);
        var before = ProcessMemory.Resident(server.Id);
        var clock = Stopwatch.StartNew();
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++) latencies.Add((await request()).TotalMilliseconds);
        server.ThrowIfExited();
        return (latencies, new Measurement(phase, 0, clock.Elapsed, before, ProcessMemory.Peak(server.Id)));
    }

    // Nearest rank: the smallest latency that at least that share of requests did not exceed.
    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
