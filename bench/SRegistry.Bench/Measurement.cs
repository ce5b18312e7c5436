namespace SRegistry.Bench;

/// <summary>One timed phase: how long it took and how much the process's resident memory grew.</summary>
internal sealed record Measurement(string Phase, long Bytes, TimeSpan Elapsed, long ResidentBefore, long PeakResident)
{
    public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;

    public static string Heading => $"{"phase",-44} {"seconds",8} {"MB/s",8} {"RSS before",11} {"peak RSS",9} {"growth",8}";

    public override string ToString() =>
        $"{Phase,-44} {Elapsed.TotalSeconds,8:F2} {MegabytesPerSecond,8:F0} {Mib(ResidentBefore),11} {Mib(PeakResident),9} {Mib(PeakResident - ResidentBefore),8}";

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024):F0} MiB";
}
