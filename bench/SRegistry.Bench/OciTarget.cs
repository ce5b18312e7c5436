using System.Diagnostics;

namespace SRegistry.Bench;

/// <summary>
/// A registry the OCI workload runs against: its client, the process whose memory is watched, where it keeps
/// a blob's bytes (to drop them from the page cache before a pull), and a check that it is still running.
/// </summary>
internal sealed record OciTarget(string Name, OciClient Client, string ProcessId, Func<string, string> BlobFile, Action ThrowIfExited)
{
    /// <summary>Runs one timed phase with a fresh token and the server's peak memory reset before it.</summary>
    public async Task<Measurement> WatchAsync(string phase, long bytes, Func<Task> run)
    {
        await Client.AuthorizeAsync();
        ProcessMemory.ResetPeak(ProcessId);
        var before = ProcessMemory.Resident(ProcessId);
        var clock = Stopwatch.StartNew();
        await run();
        var elapsed = clock.Elapsed;
        ThrowIfExited();
        return new Measurement($"{Name}: {phase}", bytes, elapsed, before, ProcessMemory.Peak(ProcessId));
    }

    /// <summary>
    /// Drops the registry's copy of a blob from the page cache, after reading it once; false where it cannot.
    /// The read is for fairness on a virtual machine: its host's cache keeps a file written through the page cache
    /// (docker-registry's) but not one written with O_DIRECT (SRegistry's). Without it the pull that follows
    /// compares a read from the host's memory with a read from its disk, that is, how the file was written.
    /// </summary>
    public bool Evict(OciBlobFile blob) => File.Exists(BlobFile(blob.Hex)) && PageCache.ReadThenEvict(BlobFile(blob.Hex));
}
