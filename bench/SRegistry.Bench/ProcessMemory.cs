namespace SRegistry.Bench;

/// <summary>
/// A process's resident memory, from /proc/&lt;process&gt;/status (Linux): <c>"self"</c> for this
/// process, or another process's id (which this user must be allowed to inspect).
/// </summary>
internal static class ProcessMemory
{
    /// <summary>Current resident set size in bytes.</summary>
    public static long Resident(string process = "self") => Read(process, "VmRSS:");

    /// <summary>Peak resident set size in bytes since the last <see cref="ResetPeak"/>.</summary>
    public static long Peak(string process = "self") => Read(process, "VmHWM:");

    /// <summary>Makes the kernel restart the peak (VmHWM) from the current size; false where it cannot.</summary>
    public static bool ResetPeak(string process = "self")
    {
        try
        {
            File.WriteAllText($"/proc/{process}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Read(string process, string field)
    {
        var line = File.ReadLines($"/proc/{process}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
    }
}
