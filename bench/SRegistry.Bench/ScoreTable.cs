using System.Globalization;
using System.Text;

namespace SRegistry.Bench;

/// <summary>The run's figures as one table: plain text for the console, and Markdown for docs/benchmarks.md.</summary>
internal static class ScoreTable
{
    private static readonly string[] Heading =
    [
        "workload", "unit", "SRegistry", "SR s", "docker-registry", "DR s", "machine limit", "SR / DR", "SR / limit",
        "SR peak RSS MiB", "SR growth MiB", "DR peak RSS MiB", "DR growth MiB",
    ];

    public static string Text(Scoreboard scoreboard)
    {
        var rows = Rows(scoreboard).Prepend(Heading).ToList();
        var widths = Enumerable.Range(0, Heading.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        return text.ToString();
    }

    public static string Markdown(Scoreboard scoreboard)
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", Heading) + " |");
        text.AppendLine("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", Heading.Length - 1)));
        foreach (var row in Rows(scoreboard)) text.AppendLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|"))) + " |");
        return text.ToString();
    }

    private static IEnumerable<string[]> Rows(Scoreboard scoreboard) => scoreboard.Figures.Select(f => new[]
    {
        f.Workload,
        f.Unit,
        Value(f.SRegistry, f.Unit),
        Value(f.SRegistrySeconds, Figure.Seconds),
        Value(f.DockerRegistry, f.Unit),
        Value(f.DockerRegistrySeconds, Figure.Seconds),
        f.Limit is { } limit ? Value(limit, f.Unit) + (f.LimitName is { } name ? $" ({name})" : "") : "",
        f.VersusDockerRegistry is { } ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) + "×" : "",
        f.VersusLimit is { } share ? share.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "") : "",
        Mib(f.SRegistryMemory?.Peak),
        Mib(f.SRegistryMemory?.Growth),
        Mib(f.DockerRegistryMemory?.Peak),
        Mib(f.DockerRegistryMemory?.Growth),
    });

    private static string Value(double? value, string unit) => value switch
    {
        null => "",
        { } v when unit == Figure.Throughput => v.ToString("F0", CultureInfo.InvariantCulture),
        { } v => v.ToString(v < 10 ? "F2" : "F1", CultureInfo.InvariantCulture),
    };

    private static string Mib(long? bytes) => bytes is { } b ? (b / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture) : "";
}
