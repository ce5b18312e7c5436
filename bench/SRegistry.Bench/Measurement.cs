namespace SRegistry.Bench;

/// <summary>
/// One timed phase: how long it took and how much a process's resident memory grew. <see cref="Transfer"/>,
/// when known, is the part of <see cref="Elapsed"/> during which the bytes actually moved.
/// </summary>
internal sealed record Measurement(string Phase, long Bytes, TimeSpan Elapsed, long ResidentBefore, long PeakResident, TimeSpan? Transfer = null)
{
    public double MegabytesPerSecond => Rate(Elapsed);

    public double? TransferMegabytesPerSecond => Transfer is { } transfer ? Rate(transfer) : null;

    public long Growth => PeakResident - ResidentBefore;

    public static string Heading => $"{"phase",-44} {"seconds",8} {"MB/s",8} {"RSS before",11} {"peak RSS",9} {"growth",8}";

    public static string HeadingWithTransfer =>
        $"{"phase",-44} {"seconds",8} {"MB/s",8} {"xfer s",8} {"xfer MB/s",9} {"RSS before",11} {"peak RSS",9} {"growth",8}";

    public override string ToString() =>
        $"{Phase,-44} {Elapsed.TotalSeconds,8:F2} {MegabytesPerSecond,8:F0} {Mib(ResidentBefore),11} {Mib(PeakResident),9} {Mib(Growth),8}";

    public string ToStringWithTransfer() =>
        $"{Phase,-44} {Elapsed.TotalSeconds,8:F2} {MegabytesPerSecond,8:F0} {Transfer?.TotalSeconds,8:F2} {TransferMegabytesPerSecond,9:F0} "
        + $"{Mib(ResidentBefore),11} {Mib(PeakResident),9} {Mib(Growth),8}";

    /// <summary>Per phase, in order of first appearance, the median of each column over the rounds.</summary>
    public static List<Measurement> Medians(IEnumerable<Measurement> results) =>
        [.. results.GroupBy(r => r.Phase).Select(g => new Measurement(
            g.Key,
            Median(g.Select(r => r.Bytes)),
            TimeSpan.FromTicks(Median(g.Select(r => r.Elapsed.Ticks))),
            Median(g.Select(r => r.ResidentBefore)),
            Median(g.Select(r => r.PeakResident)),
            g.All(r => r.Transfer is not null) ? TimeSpan.FromTicks(Median(g.Select(r => r.Transfer!.Value.Ticks))) : null))];

    public static string Mib(long bytes) => $"{bytes / (1024.0 * 1024):F0} MiB";

    // The middle value; of an even count, the upper middle.
    private static long Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private double Rate(TimeSpan time) => Bytes / 1e6 / time.TotalSeconds;
}
