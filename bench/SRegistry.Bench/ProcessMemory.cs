namespace SRegistry.Bench;

/// <summary>The process's resident memory, from /proc/self/status (Linux).</summary>
internal static class ProcessMemory
{
    /// <summary>Current resident set size in bytes.</summary>
    public static long Resident() => Read("VmRSS:");

    /// <summary>Peak resident set size in bytes since the last <see cref="ResetPeak"/>.</summary>
    public static long Peak() => Read("VmHWM:");

    /// <summary>Makes the kernel restart the peak (VmHWM) from the current size; false where it cannot.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
    }
}
