using System.Globalization;
using System.Text;

namespace SRegistry.Bench;

/// <summary>docs/benchmarks.md and docs/benchmarks.svg from one run: the machine, the table, the chart and issue #10's targets.</summary>
internal static class BenchmarksDocument
{
    public static async Task WriteAsync(string docs, Scoreboard scoreboard, MachineDescription machine, string commandLine, DateTimeOffset started, TimeSpan took)
    {
        Directory.CreateDirectory(docs);
        var date = started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(docs, "benchmarks.svg"), ThroughputChart.Svg(scoreboard, $"SRegistry, docker-registry and the machine, {date}"));

        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine($"Measured on {date} by `{commandLine}` (the run took {took.TotalMinutes:F0} minutes); written by the bench itself");
        md.AppendLine("(`--write-docs`), so this page is one run's figures, not a summary of several. See bench/README.md for what each workload does.");
        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine($"- CPU: {machine.Cpu}");
        md.AppendLine($"- Memory: {machine.Memory}");
        md.AppendLine($"- Disk: {machine.Disk}");
        md.AppendLine($"- Kernel: {machine.Kernel}; {machine.System}; {machine.Runtime}");
        md.AppendLine();
        md.AppendLine("## Targets (issue #10)");
        md.AppendLine();
        md.AppendLine("| target | result | figures |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var target in Target.Judge(scoreboard))
            md.AppendLine($"| {target.Text} | {target.Verdict} | {target.Evidence.Replace("|", "\\|")} |");
        md.AppendLine();
        md.AppendLine("## Figures");
        md.AppendLine();
        md.AppendLine("![Throughput per workload: SRegistry, docker-registry, machine limit](benchmarks.svg)");
        md.AppendLine();
        md.Append(ScoreTable.Markdown(scoreboard));
        md.AppendLine();
        md.AppendLine("How to read it:");
        md.AppendLine();
        md.AppendLine("- Throughput is MiB/s (2^20 bytes per second) of the blob or image moved; `SR s` / `DR s` are the seconds it took; ms are");
        md.AppendLine("  single-request latencies. Each figure is the median over the rounds; memory is the worst round.");
        md.AppendLine("- `SR` is SRegistry (the Release build on its embedded PostgreSQL, started as its own process); `DR` is Debian's");
        md.AppendLine("  docker-registry 2.8.2 (filesystem storage on the same disk, no auth, log level warn, no access log). Both on loopback.");
        md.AppendLine("- Machine limits: a push is judged against a copy of a cold file with fsync (what storing a blob must at least do);");
        md.AppendLine("  a pull against the slower of sha256 in memory and a loopback TCP transfer into a null sink (the client hashes what");
        md.AppendLine("  arrives). In-process store lines are judged against a plain file of the same run.");
        md.AppendLine("- Peak RSS is the registry process's VmHWM during the workload (reset before it through `clear_refs`), growth is that");
        md.AppendLine("  peak minus the resident size just before it (the idle server). SRegistry's embedded PostgreSQL is not counted.");
        md.AppendLine("- OCI figures time the requests (POST…PUT, POST…PATCHes…PUT, GET hashed as it arrives). Library figures are the");
        md.AppendLine("  upload and download as the Apptainer client's log shows them (not its hashing of the file before and after);");
        md.AppendLine("  sregistry-cli figures are the whole push (both requests) and the whole pull (manifest, HEAD, GET).");
        md.AppendLine("- Metadata: containers are seeded through the library API (create container, create an image of already-uploaded bytes,");
        md.AppendLine("  tag it), then searches (`/v1/search?value=` matching ten containers) and lookups (`/v1/images/…:latest`) are timed");
        md.AppendLine("  one at a time, warm.");
        await File.WriteAllTextAsync(Path.Combine(docs, "benchmarks.md"), md.ToString());
    }
}
