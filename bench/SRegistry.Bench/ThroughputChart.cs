using System.Globalization;
using System.Security;
using System.Text;

namespace SRegistry.Bench;

/// <summary>
/// docs/benchmarks.svg: one group of horizontal bars per throughput workload — SRegistry, docker-registry
/// (where it ran the same workload) and the machine's limit for it — on one MiB/s scale.
/// </summary>
internal static class ThroughputChart
{
    private const int Width = 1000;
    private const int LabelWidth = 400;
    private const int BarHeight = 14;
    private const int GroupGap = 12;
    private const int Top = 50;

    private static readonly (string Name, string Colour)[] Series =
    [
        ("SRegistry", "#2563eb"),
        ("docker-registry", "#f97316"),
        ("machine limit", "#9ca3af"),
    ];

    public static string Svg(Scoreboard scoreboard, string title)
    {
        var groups = scoreboard.Figures.Where(f => f.Unit == Figure.Throughput)
            .Select(f => (f.Workload, Bars: new[] { f.SRegistry, f.DockerRegistry, f.Limit }))
            .Where(g => g.Bars.Any(b => b is not null)).ToList();
        // The registries set the scale; a machine limit far beyond them (loopback) is drawn cut, with its value.
        var scaled = groups.Where(g => !g.Workload.StartsWith("machine:", StringComparison.Ordinal)).ToList();
        var max = Math.Max(1, (scaled.Count > 0 ? scaled : groups).SelectMany(g => g.Bars).Max(b => b ?? 0));
        var room = Width - LabelWidth - 90;
        var scale = room / max;
        var height = Top + groups.Sum(g => g.Bars.Count(b => b is not null) * BarHeight + GroupGap) + 30;

        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.AppendLine(Invariant($"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>"));
        svg.AppendLine(Invariant($"<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>"));
        for (var s = 0; s < Series.Length; s++)
        {
            var x = LabelWidth + s * 150;
            svg.AppendLine(Invariant($"<rect x=\"{x}\" y=\"30\" width=\"12\" height=\"10\" fill=\"{Series[s].Colour}\"/><text x=\"{x + 16}\" y=\"39\">{Series[s].Name}</text>"));
        }

        var y = Top;
        foreach (var (workload, bars) in groups)
        {
            var count = bars.Count(b => b is not null);
            svg.AppendLine(Invariant($"<text x=\"{LabelWidth - 8}\" y=\"{y + count * BarHeight / 2.0 + 4}\" text-anchor=\"end\">{Escape(workload)}</text>"));
            for (var s = 0; s < bars.Length; s++)
            {
                if (bars[s] is not { } value) continue;
                var cut = value * scale > room + 20;
                var length = Math.Max(1, cut ? room + 20 : value * scale);
                svg.AppendLine(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:F1}\" height=\"{BarHeight - 2}\" fill=\"{Series[s].Colour}\"><title>{Series[s].Name}: {value:F0} MiB/s</title></rect>"));
                svg.AppendLine(Invariant($"<text x=\"{LabelWidth + length + 4:F1}\" y=\"{y + BarHeight - 4}\">{value:F0}{(cut ? " (cut)" : "")}</text>"));
                y += BarHeight;
            }
            y += GroupGap;
        }
        svg.AppendLine(Invariant($"<text x=\"{LabelWidth}\" y=\"{height - 10}\" fill=\"#555\">MiB/s (2^20 bytes per second); medians over the rounds</text>"));
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text);
}
