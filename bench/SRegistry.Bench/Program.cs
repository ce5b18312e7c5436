using System.Diagnostics;
using SRegistry.Bench;

const string Usage = "usage: SRegistry.Bench [--workload machine|store|oci|library|cli|metadata|all] [--size-mib 1024 (cli: 2048)] [--rounds 3 (cli: 2)] "
    + "[--dir <path>] [--concurrent-pulls 32] [--concurrent-size-mib 256] [--containers 10000] [--requests 300] [--write-docs]";
string[] known = ["machine", "store", "oci", "library", "cli", "metadata", "all"];
var workload = "all";
long? sizeMib = null;
int? rounds = null;
string? directory = null;
var pulls = 32;
long? concurrentMib = null;
var containers = 10_000;
var requests = 300;
var writeDocs = false;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--workload": workload = args[++i]; break;
            case "--size-mib": sizeMib = long.Parse(args[++i]); break;
            case "--rounds": rounds = int.Parse(args[++i]); break;
            case "--dir": directory = Path.GetFullPath(args[++i]); break;
            case "--concurrent-pulls": pulls = int.Parse(args[++i]); break;
            case "--concurrent-size-mib": concurrentMib = long.Parse(args[++i]); break;
            case "--containers": containers = int.Parse(args[++i]); break;
            case "--requests": requests = int.Parse(args[++i]); break;
            case "--write-docs": writeDocs = true; break;
            default: throw new FormatException();
        }
    }
    if (!known.Contains(workload) || sizeMib < 1 || rounds < 1 || pulls < 1 || concurrentMib < 1 || containers < 2 || requests < 1) throw new FormatException();
}
catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

bool Runs(string name) => workload == name || workload == "all";
var started = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
var scoreboard = new Scoreboard();
Checkout.BuildDirectory = Path.Combine(directory ?? Path.GetTempPath(), "sregistry-bench-build-" + Guid.NewGuid().ToString("N")[..12]);
var size = (sizeMib ?? 1024) << 20;
try
{
    if (directory is not null && !Directory.Exists(directory)) throw new BenchFailure($"--dir {directory} does not exist");
    var sections = new List<(string Name, Func<Task> Run)>
    {
        ("machine", () => MachineWorkload.RunAsync(size, rounds ?? 3, directory, scoreboard)),
        ("store", () => StoreWorkload.RunAsync(size, rounds ?? 3, directory, scoreboard)),
        ("oci", () => OciWorkload.RunAsync(new OciSettings(size, (concurrentMib ?? Math.Max(1, size / 4 >> 20)) << 20, pulls), rounds ?? 3, directory, scoreboard)),
        ("library", () => LibraryWorkload.RunAsync(size, rounds ?? 3, directory, scoreboard)),
        ("cli", () => SRegistryCliWorkload.RunAsync((sizeMib ?? SRegistryCliWorkload.DefaultSizeMib) << 20, rounds ?? SRegistryCliWorkload.DefaultRounds, directory, scoreboard)),
        ("metadata", () => MetadataWorkload.RunAsync(containers, requests, rounds ?? 3, directory, scoreboard)),
    };
    foreach (var (name, run) in sections.Where(s => Runs(s.Name)))
    {
        await run();
        Console.WriteLine();
    }

    Console.WriteLine($"summary ({clock.Elapsed.TotalMinutes:F1} minutes; MiB/s, seconds, ms; memory in MiB: the registry's peak RSS and its growth over the idle size, worst round):");
    Console.Write(ScoreTable.Text(scoreboard));
    Console.WriteLine();
    foreach (var target in Target.Judge(scoreboard))
        Console.WriteLine($"target: {target.Text}: {target.Verdict}{(target.Evidence.Length > 0 ? " — " + target.Evidence : "")}");
    if (writeDocs)
    {
        var docs = Path.Combine(Checkout.Root(), "docs");
        var commandLine = "dotnet run -c Release --project bench/SRegistry.Bench --" + (args.Length > 0 ? " " + string.Join(' ', args) : "");
        await BenchmarksDocument.WriteAsync(docs, scoreboard, await MachineDescription.ReadAsync(directory), commandLine, started, clock.Elapsed);
        Console.WriteLine($"wrote {Path.Combine(docs, "benchmarks.md")} and {Path.Combine(docs, "benchmarks.svg")}");
    }
    return 0;
}
catch (BenchFailure e)
{
    Console.Error.WriteLine($"bench failed: {e.Message}");
    return 1;
}
catch (Exception e)
{
    // Anything else (a connection reset, an answer without an expected field) is a failure too, with where it happened.
    Console.Error.WriteLine($"bench failed: {e}");
    return 1;
}
finally
{
    if (Directory.Exists(Checkout.BuildDirectory)) Directory.Delete(Checkout.BuildDirectory, recursive: true);
}
