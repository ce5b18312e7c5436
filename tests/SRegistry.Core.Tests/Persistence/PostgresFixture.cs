using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Tests.Persistence;

/// <summary>
/// One private PostgreSQL cluster per test run (through <see cref="EmbeddedPostgres"/>, as production
/// starts it), and a fresh database per test that asks for one. Use with <c>[Collection("Postgres")]</c>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private const string TemplateDatabase = "registry_template";

    private readonly ScratchDirectory directory = new(FastestScratchParent());
    private readonly SemaphoreSlim templateLock = new(1, 1);
    private EmbeddedPostgres? server;
    private bool templateReady;
    private int databaseCount;

    /// <summary>The connection string of the cluster's own <c>sregistry</c> database (not migrated).</summary>
    public string ServerConnectionString => Server.ConnectionString;

    private EmbeddedPostgres Server => server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        server = await EmbeddedPostgres.StartAsync(
            Path.Combine(directory.Path, "pg"), throwaway: true, NullLogger.Instance, CancellationToken.None);
    }

    /// <summary>A new database with every migration applied; its name is unique to this call.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        await EnsureTemplateAsync();
        return await CreateDatabaseFromAsync(TemplateDatabase);
    }

    /// <summary>A new database without any schema, for tests of migrations themselves.</summary>
    public Task<string> CreateEmptyDatabaseAsync() => CreateDatabaseFromAsync("template1");

    public RegistryDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        options.UseRegistryDatabase(connectionString);
        return new RegistryDbContext(options.Options);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        directory.Dispose();
        templateLock.Dispose();
    }

    // Migrations run once, through EF as at start-up, into a template; copying it is far cheaper than migrating again.
    private async Task EnsureTemplateAsync()
    {
        await templateLock.WaitAsync();
        try
        {
            if (templateReady)
            {
                return;
            }

            var connectionString = await CreateDatabaseFromAsync("template1", TemplateDatabase);
            await using (var context = CreateContext(connectionString))
            {
                await context.Database.MigrateAsync();
            }

            // PostgreSQL copies a template only while nobody is connected to it.
            using (var connection = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            templateReady = true;
        }
        finally
        {
            templateLock.Release();
        }
    }

    private async Task<string> CreateDatabaseFromAsync(string template, string? name = null)
    {
        name ??= $"test_{Interlocked.Increment(ref databaseCount)}_{Guid.NewGuid():N}"[..24];
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    // A cluster in memory creates a database in ~20 ms instead of ~400 ms on disk; fall back to /tmp where
    // /dev/shm is absent or small (containers often give it 64 MB).
    private static string FastestScratchParent()
    {
        const long enough = 2L * 1024 * 1024 * 1024;
        try
        {
            return Directory.Exists("/dev/shm") && new DriveInfo("/dev/shm").AvailableFreeSpace >= enough ? "/dev/shm" : "/tmp";
        }
        catch (IOException)
        {
            return "/tmp";
        }
    }
}
