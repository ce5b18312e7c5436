using SRegistry.Bench;

const string Usage = "usage: SRegistry.Bench [--workload store|library|cli|all] [--size-mib 1024 (cli: 2048)] [--rounds 3 (cli: 2)] [--dir <path>]";
var workload = "all";
long? sizeMib = null;
int? rounds = null;
string? directory = null;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--workload": workload = args[++i]; break;
            case "--size-mib": sizeMib = long.Parse(args[++i]); break;
            case "--rounds": rounds = int.Parse(args[++i]); break;
            case "--dir": directory = args[++i]; break;
            default: throw new FormatException();
        }
    }
    if (workload is not ("store" or "library" or "cli" or "all") || sizeMib < 1 || rounds < 1) throw new FormatException();
}
catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    if (workload is "store" or "all") await StoreWorkload.RunAsync((sizeMib ?? 1024) << 20, rounds ?? 3, directory);
    if (workload is "all") Console.WriteLine();
    if (workload is "library" or "all") await LibraryWorkload.RunAsync((sizeMib ?? 1024) << 20, rounds ?? 3, directory);
    if (workload is "all") Console.WriteLine();
    if (workload is "cli" or "all")
        await SRegistryCliWorkload.RunAsync((sizeMib ?? SRegistryCliWorkload.DefaultSizeMib) << 20, rounds ?? SRegistryCliWorkload.DefaultRounds, directory);
    return 0;
}
catch (BenchFailure e)
{
    Console.Error.WriteLine($"bench failed: {e.Message}");
    return 1;
}
