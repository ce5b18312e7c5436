namespace SRegistry.Bench;

/// <summary>
/// One line of the final table: a workload's median for SRegistry, for docker-registry where both ran it,
/// and the machine's limit for the same data (for the machine's own lines, only <see cref="Limit"/>).
/// </summary>
internal sealed record Figure(string Workload, string Unit)
{
    public const string Throughput = "MiB/s";
    public const string Milliseconds = "ms";
    public const string Seconds = "s";

    public double? SRegistry { get; init; }
    public double? DockerRegistry { get; init; }
    public double? Limit { get; init; }

    /// <summary>Which machine figure <see cref="Limit"/> is.</summary>
    public string? LimitName { get; init; }

    public double? SRegistrySeconds { get; init; }
    public double? DockerRegistrySeconds { get; init; }
    public ServerMemory? SRegistryMemory { get; init; }
    public ServerMemory? DockerRegistryMemory { get; init; }

    /// <summary>Whether the workload moves a 1 GiB-class blob (where the memory target applies).</summary>
    public bool BigTransfer { get; init; }

    public double? VersusDockerRegistry => SRegistry / DockerRegistry;
    public double? VersusLimit => SRegistry is null ? null : SRegistry / Limit;

    public static double MebibytesPerSecond(long bytes, TimeSpan elapsed) => bytes / (1024.0 * 1024) / elapsed.TotalSeconds;

    /// <summary>A throughput line from measured rounds: medians of the speed and time, the worst memory.</summary>
    public static Figure FromRounds(string workload, IReadOnlyList<Measurement> sregistry, IReadOnlyList<Measurement>? dockerRegistry = null) => new(workload, Throughput)
    {
        SRegistry = MedianRate(sregistry),
        SRegistrySeconds = MedianSeconds(sregistry),
        SRegistryMemory = ServerMemory.Worst(sregistry),
        DockerRegistry = dockerRegistry is null ? null : MedianRate(dockerRegistry),
        DockerRegistrySeconds = dockerRegistry is null ? null : MedianSeconds(dockerRegistry),
        DockerRegistryMemory = dockerRegistry is null ? null : ServerMemory.Worst(dockerRegistry),
        BigTransfer = sregistry.Count > 0 && sregistry[0].Bytes >= 512L << 20,
    };

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) throw new BenchFailure("no rounds to take a median of");
        return sorted[sorted.Count / 2];
    }

    private static double MedianRate(IEnumerable<Measurement> rounds) => Median(rounds.Select(r => MebibytesPerSecond(r.Bytes, r.Elapsed)));

    private static double MedianSeconds(IEnumerable<Measurement> rounds) => Median(rounds.Select(r => r.Elapsed.TotalSeconds));
}
