using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace SRegistry.Bench;

/// <summary>
/// The machine's own limits for the data the registries move, with nothing of the registry in the way:
/// sha256 of bytes in memory, a copy of a cold file with fsync (what a push must at least do), a cold
/// read, and a transfer over loopback TCP into a sink that discards it (what a pull must at least do).
/// </summary>
internal static class MachineWorkload
{
    private const string Sha256Phase = "sha256 (in memory)";
    private const string CopyPhase = "copy with fsync (cold source)";
    private const string ReadPhase = "read + sha256 (cold)";
    private const string LoopbackPhase = "loopback TCP to a null sink";

    public static async Task RunAsync(long size, int rounds, string? directory, Scoreboard scoreboard)
    {
        var root = Path.Combine(directory ?? Path.GetTempPath(), "sregistry-bench-machine-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        Console.WriteLine($"machine workload: {size >> 20} MiB x {rounds} rounds in {root}, {Environment.ProcessorCount} cores");
        Console.WriteLine(Measurement.Heading);
        var results = new List<Measurement>();
        try
        {
            var source = Path.Combine(root, "source.bin");
            var target = Path.Combine(root, "copy.bin");
            await ReferenceFile.WriteAsync(source, size);
            var block = new byte[Math.Min(size, 64L << 20)];
            new PseudoRandomStream(block.Length).ReadExactly(block);
            // Unmeasured: the first pass of each pays for JIT compilation.
            await HashInMemory(block, Math.Min(size, 16L << 20));
            await LoopbackAsync(Math.Min(size, 16L << 20));
            for (var round = 0; round < rounds; round++)
            {
                Report(results, await StoreWorkload.MeasureAsync(Sha256Phase, size, () => HashInMemory(block, size)));
                var cold = PageCache.Evict(source);
                Report(results, await StoreWorkload.MeasureAsync(cold ? CopyPhase : "copy with fsync (warm source)", size, () => CopyAsync(source, target)));
                File.Delete(target);
                cold = PageCache.Evict(source);
                Report(results, await StoreWorkload.MeasureAsync(cold ? ReadPhase : "read + sha256 (warm)", size, () => ReferenceFile.HashFileAsync(source)));
                Report(results, await StoreWorkload.MeasureAsync(LoopbackPhase, size, () => LoopbackAsync(size)));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        Console.WriteLine($"median over {rounds} rounds:");
        foreach (var median in Measurement.Medians(results)) Console.WriteLine(median);
        double Rate(string prefix) => Figure.Median(results.Where(r => r.Phase.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => Figure.MebibytesPerSecond(r.Bytes, r.Elapsed)));
        scoreboard.Sha256 = Rate("sha256");
        scoreboard.Copy = Rate("copy");
        scoreboard.Loopback = Rate("loopback");
        scoreboard.Add(new Figure("machine: " + Sha256Phase, Figure.Throughput) { Limit = scoreboard.Sha256 });
        scoreboard.Add(new Figure("machine: " + CopyPhase, Figure.Throughput) { Limit = scoreboard.Copy });
        scoreboard.Add(new Figure("machine: " + ReadPhase, Figure.Throughput) { Limit = Rate("read") });
        scoreboard.Add(new Figure("machine: " + LoopbackPhase, Figure.Throughput) { Limit = scoreboard.Loopback });
    }

    // The same 64 MiB of incompressible bytes hashed over and over: the CPU's speed, not the memory's size.
    private static Task HashInMemory(byte[] block, long size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (long done = 0; done < size;)
        {
            var offset = (int)(done % block.Length);
            var count = (int)Math.Min(Math.Min(ReferenceFile.ChunkSize, size - done), block.Length - offset);
            hash.AppendData(block, offset, count);
            done += count;
        }
        hash.GetHashAndReset();
        return Task.CompletedTask;
    }

    private static async Task CopyAsync(string source, string target)
    {
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
        await input.CopyToAsync(output, ReferenceFile.ChunkSize);
        output.Flush(flushToDisk: true);
    }

    // One connection, 1 MiB writes on one side, 1 MiB reads thrown away on the other; done when all arrived.
    private static async Task LoopbackAsync(long size)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var sink = Task.Run(async () =>
        {
            using var accepted = await listener.AcceptSocketAsync();
            var buffer = new byte[ReferenceFile.ChunkSize];
            long received = 0;
            int read;
            while ((read = await accepted.ReceiveAsync(buffer, SocketFlags.None)) > 0) received += read;
            return received;
        });
        var payload = new byte[ReferenceFile.ChunkSize];
        new PseudoRandomStream(payload.Length).ReadExactly(payload);
        using (var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true })
        {
            await sender.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
            for (long sent = 0; sent < size;)
            {
                var count = (int)Math.Min(payload.Length, size - sent);
                sent += await sender.SendAsync(payload.AsMemory(0, count), SocketFlags.None);
            }
            sender.Shutdown(SocketShutdown.Send);
            if (await sink != size) throw new BenchFailure($"loopback: the sink received {await sink} bytes, not {size}");
        }
    }

    private static void Report(List<Measurement> results, Measurement measurement)
    {
        results.Add(measurement);
        Console.WriteLine(measurement);
    }
}
