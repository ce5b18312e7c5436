namespace SRegistry.Bench;

/// <summary>The repository the bench runs from, and what it builds from it once per run.</summary>
internal static class Checkout
{
    private static Task<string>? _server;
    private static Task<string>? _harness;

    /// <summary>Where the builds go (set by the program before any workload runs; removed at the end).</summary>
    public static string BuildDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "sregistry-bench-build-" + Environment.ProcessId);

    /// <summary>The directory that holds SRegistry.sln, above the bench's binaries.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SRegistry.sln"))) return dir.FullName;
        }
        throw new BenchFailure("SRegistry.sln not found above " + AppContext.BaseDirectory + "; run the bench from its checkout");
    }

    /// <summary>core/SRegistry.Server built in Release (once per run); returns the dll.</summary>
    public static Task<string> ServerAsync() => _server ??= ServerProcess.BuildAsync(Root(), Path.Combine(BuildDirectory, "server"));

    /// <summary>tests/interop/library-harness built (once per run); returns the binary.</summary>
    public static Task<string> HarnessAsync() => _harness ??= Harness.BuildAsync(Root(), Path.Combine(BuildDirectory, "harness"));
}
