namespace SRegistry.Bench;

/// <summary>A server's resident memory during a workload: its peak, and how far that peak rose above the idle size before it.</summary>
internal sealed record ServerMemory(long Peak, long Growth)
{
    /// <summary>The worst round: the highest peak and the largest growth of any of <paramref name="rounds"/>.</summary>
    public static ServerMemory? Worst(IEnumerable<Measurement> rounds)
    {
        var list = rounds.ToList();
        return list.Count == 0 ? null : new ServerMemory(list.Max(r => r.PeakResident), list.Max(r => r.Growth));
    }
}
