using System.Diagnostics;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Storage;

namespace SRegistry.Bench;

/// <summary>The filesystem blob store against a plain fsync'd file, written and read back cold.</summary>
internal static class StoreWorkload
{
    public static async Task RunAsync(long size, int rounds, string? directory, Scoreboard scoreboard)
    {
        var root = Path.Combine(directory ?? Path.GetTempPath(), "sregistry-bench-" + Guid.NewGuid().ToString("N"));
        var referenceFile = Path.Combine(root, "reference.bin");
        var storeRoot = Path.Combine(root, "store");
        var perPhasePeak = ProcessMemory.ResetPeak();
        Console.WriteLine($"store workload: {size >> 20} MiB x {rounds} rounds in {root}, {Environment.ProcessorCount} cores, "
            + (perPhasePeak ? "peak RSS per phase" : "peak RSS since start (clear_refs unavailable)"));
        Console.WriteLine(Measurement.Heading);

        var results = new List<Measurement>();
        try
        {
            for (var round = 0; round < rounds; round++)
            {
                Directory.CreateDirectory(root);
                var store = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Path = storeRoot });
                BlobPutResult? put = null;
                BlobDigest referenceDigest = default, storeDigest = default;

                // The order alternates between rounds: on this machine the second of two back-to-back runs is often slower.
                var writes = new List<(string, Func<Task>)>
                {
                    ("reference write (FileStream, fsync)", () => ReferenceFile.WriteAsync(referenceFile, size)),
                    ("store write (PutAsync: sha256, fsync, rename)", async () =>
                        put = await store.PutAsync(new PseudoRandomStream(size), new BlobExpectation(Size: size), CancellationToken.None)),
                };
                foreach (var (phase, run) in round % 2 == 0 ? writes : writes.AsEnumerable().Reverse()) Report(await MeasureAsync(phase, size, run));

                var blobFile = Path.Combine(storeRoot, "blobs", "sha256", put!.Digest.Hex[..2], put.Digest.Hex);
                var cold = PageCache.Evict(referenceFile) & PageCache.Evict(blobFile) ? ", cold" : "";
                var reads = new List<(string, Func<Task>)>
                {
                    ($"reference read (FileStream, sha256{cold})", async () => referenceDigest = await ReferenceFile.HashFileAsync(referenceFile)),
                    ($"store read (OpenReadAsync, sha256{cold})", async () =>
                    {
                        await using var blob = await store.OpenReadAsync(put.Digest, 0, null, CancellationToken.None);
                        storeDigest = await ReferenceFile.HashAsync(blob!);
                    }),
                };
                foreach (var (phase, run) in round % 2 == 0 ? reads : reads.AsEnumerable().Reverse()) Report(await MeasureAsync(phase, size, run));

                if (put.Outcome != BlobPutOutcome.Stored || storeDigest != put.Digest || referenceDigest != put.Digest)
                    throw new BenchFailure($"MISMATCH: put {put}, store read {storeDigest}, reference read {referenceDigest}");
                Directory.Delete(root, recursive: true);
            }
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }

        void Report(Measurement measurement)
        {
            results.Add(measurement);
            Console.WriteLine(measurement);
        }

        Console.WriteLine($"median over {rounds} rounds:");
        var medians = Measurement.Medians(results).OrderBy(m => m.Phase.StartsWith("store") ? 1 : 0).OrderBy(m => m.Phase.Contains("read") ? 1 : 0).ToList();
        foreach (var median in medians) Console.WriteLine(median);
        Console.WriteLine($"store write at {medians[1].MegabytesPerSecond / medians[0].MegabytesPerSecond:P0} of the reference, "
            + $"store read at {medians[3].MegabytesPerSecond / medians[2].MegabytesPerSecond:P0}; all digests agree");
        // In process: the limit is the same run's plain file, not the machine workload's copy.
        scoreboard.Add(new Figure("store write, in process (PutAsync vs plain fsync'd write)", Figure.Throughput)
        {
            SRegistry = Figure.MebibytesPerSecond(medians[1].Bytes, medians[1].Elapsed), SRegistrySeconds = medians[1].Elapsed.TotalSeconds,
            Limit = Figure.MebibytesPerSecond(medians[0].Bytes, medians[0].Elapsed), LimitName = "plain fsync'd write",
        });
        scoreboard.Add(new Figure("store read, in process (OpenReadAsync vs plain read, cold)", Figure.Throughput)
        {
            SRegistry = Figure.MebibytesPerSecond(medians[3].Bytes, medians[3].Elapsed), SRegistrySeconds = medians[3].Elapsed.TotalSeconds,
            Limit = Figure.MebibytesPerSecond(medians[2].Bytes, medians[2].Elapsed), LimitName = "plain read + sha256",
        });
    }

    /// <summary>Times <paramref name="run"/> in this process, with this process's memory.</summary>
    public static async Task<Measurement> MeasureAsync(string phase, long size, Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ProcessMemory.ResetPeak();
        var before = ProcessMemory.Resident();
        var clock = Stopwatch.StartNew();
        await run();
        return new Measurement(phase, size, clock.Elapsed, before, ProcessMemory.Peak());
    }
}
