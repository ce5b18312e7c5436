using Npgsql;
using SRegistry.Core.Persistence.Embedded;

namespace SRegistry.Core.Persistence;

/// <summary>
/// The database as a file, with PostgreSQL's own tools (<c>pg_dump</c> custom format, <c>pg_restore</c>)
/// from the same installation the embedded cluster uses. Credentials go to the tools through libpq's
/// environment variables, never on a command line other users can read.
/// </summary>
public static class DatabaseDump
{
    /// <summary>Writes the whole database to <paramref name="file"/>; throws with the tool's message when it fails.</summary>
    public static async Task WriteAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        var tools = await PostgresBinaries.LocateAsync(cancellationToken);
        var result = await ProcessRunner.RunAsync(Path.Combine(tools, "pg_dump"),
            ["--format=custom", "--no-owner", "--no-privileges", "--file", file], cancellationToken, Environment(connectionString));
        if (!result.Succeeded)
            throw new EmbeddedPostgresException($"pg_dump failed: {result.Output}");
    }

    /// <summary>Loads a dump from <see cref="WriteAsync"/> into the database, which must be empty.</summary>
    public static async Task RestoreAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        var tools = await PostgresBinaries.LocateAsync(cancellationToken);
        var result = await ProcessRunner.RunAsync(Path.Combine(tools, "pg_restore"),
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
