using System.Globalization;

namespace SRegistry.Server.Oci;

/// <summary>A single <c>bytes=start-end</c> request range (the only kind registry clients send).</summary>
public readonly record struct ByteRange(long Start, long Length)
{
    /// <summary>
    /// Parses <paramref name="header"/> against a blob of <paramref name="size"/> bytes. No header: null range,
    /// true. A range that cannot be satisfied or parsed: false (416).
    /// </summary>
    public static bool TryParse(string? header, long size, out ByteRange? range)
    {
        range = null;
        if (string.IsNullOrEmpty(header))
            return true;
        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(','))
            return false;
        var parts = header[6..].Split('-');
        if (parts.Length != 2)
            return false;

        long start, end;
        if (parts[0].Length == 0)
        {
            // A suffix: the last N bytes.
            if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var suffix) || suffix == 0)
                return false;
            start = Math.Max(0, size - suffix);
            end = size - 1;
        }
        else
        {
            if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out start))
                return false;
            end = parts[1].Length == 0 ? size - 1
                : long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? Math.Min(e, size - 1) : -1;
        }

        if (start >= size || end < start)
            return false;
        range = new ByteRange(start, end - start + 1);
        return true;
    }
}
