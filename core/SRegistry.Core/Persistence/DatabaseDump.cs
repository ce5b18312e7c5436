using Npgsql;
using SRegistry.Core.Persistence.Embedded;

namespace SRegistry.Core.Persistence;

/// <summary>
/// The database as a file, with PostgreSQL's own tools (<c>pg_dump</c> custom format, <c>pg_restore</c>):
/// the newest in <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (a client-only install is enough), else the
/// ones on the PATH. They must be at least as new as the server. Credentials go to the tools through libpq's
/// environment variables, never on a command line other users can read.
/// </summary>
public static class DatabaseDump
{
    /// <summary>Writes the whole database to <paramref name="file"/>; throws with the tool's message when it fails.</summary>
    public static async Task WriteAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(Tool("pg_dump"),
            ["--format=custom", "--no-owner", "--no-privileges", "--file", file], cancellationToken, Environment(connectionString));
        if (!result.Succeeded)
            throw new EmbeddedPostgresException($"pg_dump failed: {result.Output}");
    }

    /// <summary>Loads a dump from <see cref="WriteAsync"/> into the database, which must be empty.</summary>
    public static async Task RestoreAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(Tool("pg_restore"),
            ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", Database(connectionString), file],
            cancellationToken, Environment(connectionString));
        if (!result.Succeeded)
            throw new EmbeddedPostgresException($"pg_restore failed: {result.Output}");
    }

    /// <summary>Whether the database has no tables of its own (nothing to overwrite).</summary>
    public static async Task<bool> IsEmptyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))! == 0;
    }

    private static string Tool(string name)
    {
        const string debian = "/usr/lib/postgresql";
        var newest = Directory.Exists(debian)
            ? Directory.EnumerateDirectories(debian)
                .Select(dir => (Path: Path.Combine(dir, "bin", name), Version: int.TryParse(Path.GetFileName(dir), out var major) ? major : 0))
                .Where(tool => File.Exists(tool.Path))
                .OrderByDescending(tool => tool.Version)
                .Select(tool => tool.Path)
                .FirstOrDefault()
            : null;
        return newest ?? name;
    }

    private static string Database(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database ?? "";

    private static Dictionary<string, string> Environment(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = builder.Host ?? "",
            ["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = builder.Username ?? "",
            ["PGDATABASE"] = builder.Database ?? "",
        };
        if (!string.IsNullOrEmpty(builder.Password)) environment["PGPASSWORD"] = builder.Password;
        if (builder.SslMode is SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull)
            environment["PGSSLMODE"] = builder.SslMode.ToString().ToLowerInvariant().Replace("verifyca", "verify-ca").Replace("verifyfull", "verify-full");
        return environment;
    }
}
