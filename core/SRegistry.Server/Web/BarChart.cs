namespace SRegistry.Server.Web;

/// <summary>
/// A horizontal bar chart laid out for an inline SVG: bar lengths scaled to the largest value, rows at
/// fixed heights. The view draws it with presentation attributes only, so the strict content security
/// policy (no inline styles) holds.
/// </summary>
public sealed class BarChart
{
    /// <summary>The width of the label column, in SVG units.</summary>
    public const int LabelWidth = 260;

    /// <summary>The longest bar, in SVG units.</summary>
    public const int BarSpace = 420;

    /// <summary>The height of one row, in SVG units.</summary>
    public const int RowHeight = 26;

    /// <summary>The whole chart's width, room for the size after the longest bar included.</summary>
    public const int Width = LabelWidth + BarSpace + 100;

    private BarChart(string title, IReadOnlyList<Bar> bars)
    {
        Title = title;
        Bars = bars;
    }

    /// <summary>What the chart shows, for screen readers.</summary>
    public string Title { get; }

    public IReadOnlyList<Bar> Bars { get; }

    public int Height => Bars.Count * RowHeight;

    /// <summary>The first <paramref name="most"/> rows (largest first, as given), each bar at least a sliver when not empty.</summary>
    public static BarChart Of(string title, IEnumerable<(string Label, long Bytes)> rows, int most)
    {
        var kept = rows.Take(most).ToList();
        var largest = Math.Max(1, kept.Select(r => r.Bytes).DefaultIfEmpty().Max());
        return new BarChart(title, [.. kept.Select((r, i) => new Bar(
            r.Label,
            Sizes.Format(r.Bytes),
            r.Bytes == 0 ? 0 : Math.Max(2, (int)(r.Bytes * (double)BarSpace / largest)),
            i * RowHeight))]);
    }

    /// <summary>One row: its label, its size as people read it, its bar length and its top.</summary>
    public sealed record Bar(string Label, string Size, int Length, int Top);
}
