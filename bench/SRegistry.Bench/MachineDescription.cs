using System.Runtime.InteropServices;

namespace SRegistry.Bench;

/// <summary>What the figures were measured on: CPU, memory, the disk under the bench's directory, kernel and OS.</summary>
internal sealed record MachineDescription(string Cpu, string Memory, string Disk, string Kernel, string System, string Runtime)
{
    public static async Task<MachineDescription> ReadAsync(string? directory)
    {
        var model = Lines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown model";
        var memory = Lines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } total
            ? $"{long.Parse(total["MemTotal:".Length..].Trim().Split(' ')[0]) / (1024.0 * 1024):F1} GiB"
            : "unknown";
        var where = directory ?? Path.GetTempPath();
        string disk;
        try
        {
            var df = (await Command.RunAsync("df", ["-h", "--output=source,fstype,size,avail,target", where], TimeSpan.FromSeconds(30))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var fields = df.Last().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var device = Path.GetFileName(fields[0]);
            var rotational = File.Exists($"/sys/block/{device}/queue/rotational")
                ? (File.ReadAllText($"/sys/block/{device}/queue/rotational").Trim() == "1" ? ", rotational" : ", non-rotational") : "";
            disk = $"{fields[0]} ({fields[1]}, {fields[2]}, {fields[3]} free{rotational}) mounted on {fields[4]}, holding {where}";
        }
        catch (Exception e) when (e is BenchFailure or IndexOutOfRangeException)
        {
            disk = $"unknown ({e.Message})";
        }
        var system = Lines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"') ?? RuntimeInformation.OSDescription;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription;
        return new MachineDescription($"{Environment.ProcessorCount} cores, {model}", memory, disk, $"Linux {kernel} ({RuntimeInformation.OSArchitecture})", system,
            $".NET {Environment.Version}");
    }

    private static IEnumerable<string> Lines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
