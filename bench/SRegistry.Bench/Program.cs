using System.Diagnostics;
using System.Security.Cryptography;
using SRegistry.Abstractions.Storage;
using SRegistry.Bench;
using SRegistry.Core.Storage;

const int ChunkSize = 1 << 20;
var sizeMib = 1024L;
var rounds = 3;
string? directory = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--size-mib": sizeMib = long.Parse(args[++i]); break;
        case "--rounds": rounds = int.Parse(args[++i]); break;
        case "--dir": directory = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: SRegistry.Bench [--size-mib 1024] [--rounds 3] [--dir <path>]");
            return 2;
    }
}

var size = sizeMib << 20;
var root = Path.Combine(directory ?? Path.GetTempPath(), "sregistry-bench-" + Guid.NewGuid().ToString("N"));
var referenceFile = Path.Combine(root, "reference.bin");
var storeRoot = Path.Combine(root, "store");
var perPhasePeak = ProcessMemory.ResetPeak();
Console.WriteLine($"{sizeMib} MiB x {rounds} rounds in {root}, {Environment.ProcessorCount} cores, "
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
            ("reference write (FileStream, fsync)", () => WriteReferenceAsync(referenceFile)),
            ("store write (PutAsync: sha256, fsync, rename)", async () =>
                put = await store.PutAsync(new PseudoRandomStream(size), new BlobExpectation(Size: size), CancellationToken.None)),
        };
        foreach (var (phase, run) in round % 2 == 0 ? writes : writes.AsEnumerable().Reverse()) results.Add(await MeasureAsync(phase, run));

        var blobFile = Path.Combine(storeRoot, "blobs", "sha256", put!.Digest.Hex[..2], put.Digest.Hex);
        var cold = PageCache.Evict(referenceFile) & PageCache.Evict(blobFile) ? ", cold" : "";
        var reads = new List<(string, Func<Task>)>
        {
            ($"reference read (FileStream, sha256{cold})", async () =>
            {
                await using var file = new FileStream(referenceFile, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
                referenceDigest = await HashAsync(file);
            }),
            ($"store read (OpenReadAsync, sha256{cold})", async () =>
            {
                await using var blob = await store.OpenReadAsync(put.Digest, 0, null, CancellationToken.None);
                storeDigest = await HashAsync(blob!);
            }),
        };
        foreach (var (phase, run) in round % 2 == 0 ? reads : reads.AsEnumerable().Reverse()) results.Add(await MeasureAsync(phase, run));

        if (put.Outcome != BlobPutOutcome.Stored || storeDigest != put.Digest || referenceDigest != put.Digest)
        {
            Console.Error.WriteLine($"MISMATCH: put {put}, store read {storeDigest}, reference read {referenceDigest}");
            return 1;
        }
        Directory.Delete(root, recursive: true);
    }
}
finally
{
    if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
}

Console.WriteLine($"median over {rounds} rounds:");
var medians = results.GroupBy(r => r.Phase).OrderBy(g => g.Key.StartsWith("store") ? 1 : 0).OrderBy(g => g.Key.Contains("read") ? 1 : 0)
    .Select(g => g.OrderBy(r => r.Elapsed).ElementAt(g.Count() / 2)).ToList();
foreach (var median in medians) Console.WriteLine(median);
Console.WriteLine($"store write at {medians[1].MegabytesPerSecond / medians[0].MegabytesPerSecond:P0} of the reference, "
    + $"store read at {medians[3].MegabytesPerSecond / medians[2].MegabytesPerSecond:P0}; all digests agree");
return 0;

async Task<Measurement> MeasureAsync(string phase, Func<Task> run)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    ProcessMemory.ResetPeak();
    var before = ProcessMemory.Resident();
    var clock = Stopwatch.StartNew();
    await run();
    var measurement = new Measurement(phase, size, clock.Elapsed, before, ProcessMemory.Peak());
    Console.WriteLine(measurement);
    return measurement;
}

async Task WriteReferenceAsync(string path)
{
    var source = new PseudoRandomStream(size);
    var buffer = new byte[ChunkSize];
    await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
    int read;
    while ((read = await source.ReadAsync(buffer)) > 0) await file.WriteAsync(buffer.AsMemory(0, read));
    file.Flush(flushToDisk: true);
}

static async Task<BlobDigest> HashAsync(Stream stream)
{
    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    var buffer = new byte[ChunkSize];
    int read;
    while ((read = await stream.ReadAsync(buffer)) > 0) hash.AppendData(buffer, 0, read);
    return BlobDigest.FromHash(hash.GetHashAndReset());
}
