namespace SRegistry.Bench;

/// <summary>
/// What one run found, for the final table and docs/benchmarks.md: the machine's limits and one
/// <see cref="Figure"/> per workload, in the order they ran.
/// </summary>
internal sealed class Scoreboard
{
    private readonly List<Figure> _figures = [];

    public const string CopyLimitName = "fsync'd copy";
    public const string PullLimitName = "min(sha256, loopback)";

    public IReadOnlyList<Figure> Figures => _figures;

    /// <summary>MiB/s of a 1 GiB copy with fsync (what a push must write), once the machine workload ran.</summary>
    public double? Copy { get; set; }

    /// <summary>MiB/s of hashing in memory.</summary>
    public double? Sha256 { get; set; }

    /// <summary>MiB/s over loopback TCP into a null sink.</summary>
    public double? Loopback { get; set; }

    /// <summary>What a pull cannot beat: the client hashes what arrives over loopback.</summary>
    public double? PullLimit => Sha256 is { } s && Loopback is { } l ? Math.Min(s, l) : null;

    public int? Containers { get; set; }

    public void Add(Figure figure) => _figures.Add(figure);

    /// <summary>A push line: its limit is the fsync'd copy.</summary>
    public void AddPush(Figure figure) => Add(figure with { Limit = Copy, LimitName = Copy is null ? null : CopyLimitName });

    /// <summary>A pull line: its limit is the slower of hashing and loopback.</summary>
    public void AddPull(Figure figure) => Add(figure with { Limit = PullLimit, LimitName = PullLimit is null ? null : PullLimitName });
}
