namespace SRegistry.Core.Persistence.Embedded;

/// <summary>Finds the directory holding <c>initdb</c> and <c>pg_ctl</c>.</summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static async Task<string> LocateAsync(CancellationToken ct)
    {
        // pg_config may come from the client libraries alone (libpq-dev), so its answer must hold the server tools.
        var pgConfig = await ProcessRunner.RunAsync("pg_config", ["--bindir"], ct);
        if (pgConfig.Succeeded && HasServerTools(pgConfig.Output.Trim()))
        {
            return pgConfig.Output.Trim();
        }

        // Debian and Ubuntu keep each major version apart and put only wrappers on the PATH.
        var newestDebian = Directory.Exists(DebianRoot)
            ? Directory.EnumerateDirectories(DebianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: ParseVersion(Path.GetFileName(dir))))
                .Where(candidate => candidate.Version is not null && HasServerTools(candidate.Dir))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Dir)
                .FirstOrDefault()
            : null;
        if (newestDebian is not null)
        {
            return newestDebian;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServerTools);
        return onPath ?? throw new EmbeddedPostgresException(
            "The PostgreSQL server programs (initdb, pg_ctl) were not found by 'pg_config --bindir', in "
            + $"{DebianRoot}/<version>/bin or on the PATH. Install them (apt-get install postgresql) or set "
            + "Database:ConnectionString to an external PostgreSQL server.");
    }

    private static bool HasServerTools(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : null;
}
