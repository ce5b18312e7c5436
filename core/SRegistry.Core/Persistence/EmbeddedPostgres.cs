using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using SRegistry.Core.Persistence.Embedded;

namespace SRegistry.Core.Persistence;

/// <summary>
/// The default database: a private PostgreSQL cluster in the registry's data directory, reachable only
/// through a Unix socket. Started when the server starts, stopped when it stops, unless it was
/// already running, in which case it is used and left alone.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string UserName = "sregistry";
    public const string DatabaseName = "sregistry";

    private readonly PostgresCluster cluster;
    private readonly ILogger logger;
    private int stopped;

    private EmbeddedPostgres(PostgresCluster cluster, string connectionString, bool startedHere, ILogger logger)
    {
        this.cluster = cluster;
        this.logger = logger;
        ConnectionString = connectionString;
        StartedHere = startedHere;
    }

    /// <summary>An Npgsql connection string to the <c>sregistry</c> database over the cluster's Unix socket.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether this instance started the server (and so stops it when disposed).</summary>
    public bool StartedHere { get; }

    /// <summary>Initializes the cluster if the directory holds none, starts it unless it runs, and creates the database.</summary>
    public static Task<EmbeddedPostgres> StartAsync(string clusterDirectory, ILogger logger, CancellationToken ct) =>
        StartAsync(clusterDirectory, throwaway: false, logger, ct);

    /// <param name="throwaway">For tests: trades durability for speed (no fsync) and allows more connections.</param>
    internal static async Task<EmbeddedPostgres> StartAsync(string clusterDirectory, bool throwaway, ILogger logger, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var dataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(clusterDirectory));
        var binDirectory = await PostgresBinaries.LocateAsync(ct);
        var account = await PostgresServerAccount.ResolveAsync(ct);
        var layout = await ClusterLayout.PrepareAsync(dataDirectory, account, ct);
        var cluster = new PostgresCluster(binDirectory, dataDirectory, layout.LogFile, account);

        var startedHere = false;
        if (!await cluster.IsRunningAsync(ct))
        {
            if (!cluster.IsInitialized)
            {
                await cluster.InitializeAsync(throwaway, ct);
                logger.LogInformation("Created a PostgreSQL cluster in {DataDirectory} with {BinDirectory}", dataDirectory, binDirectory);
            }

            var start = await cluster.StartAsync(layout.SocketDirectory, throwaway, ct);
            startedHere = start.Succeeded;

            // Another instance may have started the same cluster a moment earlier; then use it.
            if (!start.Succeeded && !await cluster.IsRunningAsync(ct))
            {
                throw cluster.Failure("pg_ctl start", start);
            }
        }

        var connectionString = BuildConnectionString(dataDirectory, layout.SocketDirectory, throwaway);
        var embedded = new EmbeddedPostgres(cluster, connectionString, startedHere, logger);
        try
        {
            await EnsureDatabaseAsync(connectionString, ct);
        }
        catch
        {
            await embedded.DisposeAsync();
            throw;
        }

        logger.LogInformation(
            startedHere
                ? "Started PostgreSQL in {DataDirectory} in {ElapsedMs} ms (log: {LogFile})"
                : "Using the PostgreSQL already running in {DataDirectory} ({ElapsedMs} ms, log: {LogFile})",
            dataDirectory,
            stopwatch.ElapsedMilliseconds,
            layout.LogFile);
        return embedded;
    }

    /// <summary>Stops the server with <c>pg_ctl stop -m fast</c> if this instance started it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!StartedHere || Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var stop = await cluster.StopAsync(CancellationToken.None);
        if (stop.Succeeded)
        {
            logger.LogInformation("Stopped PostgreSQL in {DataDirectory}", cluster.DataDirectory);
        }
        else
        {
            // Disposal must not throw; a server left running is reused by the next start.
            logger.LogError("Could not stop PostgreSQL in {DataDirectory}: {Output}", cluster.DataDirectory, stop.Output);
        }
    }

    private static string BuildConnectionString(string dataDirectory, string socketDirectory, bool throwaway)
    {
        // A running server may have been started by someone else with other settings: ask it where it listens.
        var running = PostmasterPidFile.Read(dataDirectory);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = running is null ? socketDirectory : running.SocketDirectory ?? "localhost",
            Port = running?.Port ?? 5432,
            Username = UserName,
            Database = DatabaseName,
        };
        if (throwaway)
        {
            // Tests create many databases, each with its own pool: let idle connections go quickly.
            builder.ConnectionIdleLifetime = 5;
            builder.ConnectionPruningInterval = 1;
        }

        return builder.ConnectionString;
    }

    private static async Task EnsureDatabaseAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(DatabaseName);
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Created by a concurrent start.
        }
    }
}
