using System.Diagnostics;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SRegistry.Core.Persistence;
using SRegistry.Core.Persistence.Embedded;
using Xunit.Abstractions;

namespace SRegistry.Core.Tests.Persistence;

/// <summary>Each test starts clusters of its own, in parallel with the shared "Postgres" collection.</summary>
public sealed class EmbeddedPostgresTests(ITestOutputHelper output) : IDisposable
{
    private readonly ScratchDirectory scratch = new();

    private string ClusterDirectory => Path.Combine(scratch.Path, "pg");

    [Fact]
    public async Task Start_FreshDirectory_ThenRestart_KeepsData()
    {
        var stopwatch = Stopwatch.StartNew();
        await using (var first = await EmbeddedPostgres.StartAsync(ClusterDirectory, NullLogger.Instance, CancellationToken.None))
        {
            output.WriteLine($"Fresh durable cluster (initdb + start + create database): {stopwatch.ElapsedMilliseconds} ms");
            Assert.True(first.StartedHere);
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('survives')");
        }

        Assert.False(File.Exists(Path.Combine(ClusterDirectory, "postmaster.pid")), "The cluster should have stopped.");

        stopwatch.Restart();
        await using var second = await EmbeddedPostgres.StartAsync(ClusterDirectory, NullLogger.Instance, CancellationToken.None);
        output.WriteLine($"Restart of an existing cluster: {stopwatch.ElapsedMilliseconds} ms");

        Assert.True(second.StartedHere);
        Assert.Equal("survives", await ExecuteAsync(second.ConnectionString, "SELECT value FROM kept"));
    }

    [Fact]
    public async Task Start_WhileClusterRuns_ReusesItAndLeavesItRunning()
    {
        await using var owner = await EmbeddedPostgres.StartAsync(ClusterDirectory, throwaway: true, NullLogger.Instance, CancellationToken.None);

        await using (var guest = await EmbeddedPostgres.StartAsync(ClusterDirectory, throwaway: true, NullLogger.Instance, CancellationToken.None))
        {
            Assert.False(guest.StartedHere);
            Assert.Equal("1", await ExecuteAsync(guest.ConnectionString, "SELECT 1"));
        }

        Assert.Equal("1", await ExecuteAsync(owner.ConnectionString, "SELECT 1"));
        await owner.DisposeAsync();
        Assert.False(File.Exists(Path.Combine(ClusterDirectory, "postmaster.pid")), "The owner should have stopped the cluster.");
    }

    [Fact]
    public async Task Start_DirectoryPathTooLongForASocket_ListensUnderTmp()
    {
        var deep = Path.Combine(scratch.Path, new string('d', 60), new string('e', 40), "pg");
        var socketDirectory = SocketDirectory.For(deep);
        try
        {
            await using var server = await EmbeddedPostgres.StartAsync(deep, throwaway: true, NullLogger.Instance, CancellationToken.None);

            Assert.StartsWith("/tmp/sregistry-pg-", new NpgsqlConnectionStringBuilder(server.ConnectionString).Host);
            Assert.Equal("1", await ExecuteAsync(server.ConnectionString, "SELECT 1"));
        }
        finally
        {
            if (Directory.Exists(socketDirectory))
            {
                Directory.Delete(socketDirectory, recursive: true);
            }
        }
    }

    [Fact]
    public void SocketDirectory_ShortClusterPath_IsTheClusterDirectory()
    {
        Assert.Equal("/var/lib/sregistry/postgres", SocketDirectory.For("/var/lib/sregistry/postgres"));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Start_DirectoryTheServerAccountCannotReach_SaysWhatToDo()
    {
        var locked = Path.Combine(scratch.Path, "locked");
        Directory.CreateDirectory(locked);
        var runsAsRoot = Environment.UserName == "root";

        // As root the server runs as 'postgres', which may not enter a 0700 directory of root's; anyone
        // else runs it as themselves, so the equivalent is a directory they may not enter either.
        File.SetUnixFileMode(locked, runsAsRoot ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.None);
        try
        {
            var refused = await Assert.ThrowsAsync<EmbeddedPostgresException>(
                () => EmbeddedPostgres.StartAsync(Path.Combine(locked, "pg"), NullLogger.Instance, CancellationToken.None));

            output.WriteLine(refused.Message);
            Assert.Contains("Database:ConnectionString", refused.Message);
            if (runsAsRoot)
            {
                Assert.Contains($"chmod o+x '{locked}'", refused.Message);
                Assert.Contains("/var/lib/sregistry", refused.Message);
                Assert.Contains("regular user", refused.Message);
            }
            else
            {
                Assert.Contains($"Cannot create the database directory '{Path.Combine(locked, "pg")}'", refused.Message);
            }
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => scratch.Dispose();

    private static async Task<string?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
