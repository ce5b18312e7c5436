using SRegistry.Bench;

const string Usage = "usage: SRegistry.Bench [--workload store|library|all] [--size-mib 1024] [--rounds 3] [--dir <path>]";
var workload = "all";
var sizeMib = 1024L;
var rounds = 3;
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
    if (workload is not ("store" or "library" or "all") || sizeMib < 1 || rounds < 1) throw new FormatException();
}
catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    if (workload is "store" or "all") await StoreWorkload.RunAsync(sizeMib << 20, rounds, directory);
    if (workload is "all") Console.WriteLine();
    if (workload is "library" or "all") await LibraryWorkload.RunAsync(sizeMib << 20, rounds, directory);
    return 0;
}
catch (BenchFailure e)
{
    Console.Error.WriteLine($"bench failed: {e.Message}");
    return 1;
}
