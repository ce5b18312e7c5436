namespace SRegistry.Bench;

/// <summary>One of issue #10's targets, judged on this run's figures: met, missed, or not measured (null).</summary>
internal sealed record Target(string Text, bool? Met, string Evidence)
{
    private const long FlatBytes = 64L << 20;
    private const double LatencyMilliseconds = 50;

    public string Verdict => Met switch { true => "met", false => "MISSED", null => "not measured" };

    public static IReadOnlyList<Target> Judge(Scoreboard scoreboard)
    {
        var figures = scoreboard.Figures;
        var ociPushes = figures.Where(f => f.Workload.StartsWith("OCI", StringComparison.Ordinal) && f.Workload.Contains("push", StringComparison.Ordinal)).ToList();
        var ociPulls = figures.Where(f => f.Workload.StartsWith("OCI", StringComparison.Ordinal) && f.Workload.Contains("pull", StringComparison.Ordinal)).ToList();
        var pushes = figures.Where(f => f.LimitName == Scoreboard.CopyLimitName && f.SRegistry is not null).ToList();
        var big = figures.Where(f => f.BigTransfer && f.SRegistryMemory is not null).ToList();
        var latencies = figures.Where(f => f.Workload.EndsWith("p99", StringComparison.Ordinal)).ToList();
        var concurrent = figures.FirstOrDefault(f => f.Workload.Contains("concurrent pulls", StringComparison.Ordinal));
        var at = scoreboard.Containers is { } n ? $" (run with {n} containers)" : "";
        return
        [
            Judge("push ≥ 2× docker-registry", ociPushes.Where(f => f.VersusDockerRegistry is not null).ToList(),
                f => f.VersusDockerRegistry >= 2, f => $"{f.VersusDockerRegistry:F2}×"),
            Judge("push ≥ 80% of the fsync'd copy", pushes.Where(f => f.VersusLimit is not null).ToList(),
                f => f.VersusLimit >= 0.8, f => $"{f.VersusLimit * 100:F0}%"),
            Judge("pull ≥ 1× docker-registry", ociPulls.Where(f => f.VersusDockerRegistry is not null).ToList(),
                f => f.VersusDockerRegistry >= 1, f => $"{f.VersusDockerRegistry:F2}×"),
            Judge("server memory growth < 64 MiB during a 1 GiB transfer", big,
                f => f.SRegistryMemory!.Growth < FlatBytes, f => Measurement.Mib(f.SRegistryMemory!.Growth)),
            new("32 concurrent pulls complete with no error", concurrent is null ? null : true,
                concurrent is null ? "" : $"{concurrent.Workload}: every pull of every round had the right size and digest, on both registries"),
            Judge("search and lookup p99 < 50 ms at 10,000 containers" + at, latencies,
                f => f.SRegistry < LatencyMilliseconds, f => $"{f.SRegistry:F1} ms"),
        ];
    }

    private static Target Judge(string text, List<Figure> figures, Func<Figure, bool> met, Func<Figure, string> shown) =>
        figures.Count == 0
            ? new Target(text, null, "")
            : new Target(text, figures.All(met), string.Join("; ", figures.Select(f => $"{f.Workload}: {shown(f)}{(met(f) ? "" : " (missed)")}")));
}
