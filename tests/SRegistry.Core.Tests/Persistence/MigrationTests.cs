using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    private const string InitialSchema = "20261121000000_InitialSchema";

    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await using var services = Services(connectionString);

        await services.GetRequiredService<RegistryDatabase>().MigrateAsync(CancellationToken.None);

        await using var context = postgres.CreateContext(connectionString);
        Assert.Contains(InitialSchema, await context.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_SecondStart_ChangesNothing()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await using var services = Services(connectionString);
        var database = services.GetRequiredService<RegistryDatabase>();

        await database.MigrateAsync(CancellationToken.None);
        await database.MigrateAsync(CancellationToken.None);

        await using var context = postgres.CreateContext(connectionString);
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1, await context.Entities.CountAsync(e => e.Name == Entity.DefaultName));
    }

    [Fact]
    public async Task Migrate_TwoInstancesAtOnce_BothSucceedAndApplyOnce()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await using var first = Services(connectionString);
        await using var second = Services(connectionString);

        await Task.WhenAll(
            first.GetRequiredService<RegistryDatabase>().MigrateAsync(CancellationToken.None),
            second.GetRequiredService<RegistryDatabase>().MigrateAsync(CancellationToken.None));

        await using var context = postgres.CreateContext(connectionString);
        Assert.Equal(1, await context.Entities.CountAsync(e => e.Name == Entity.DefaultName));
    }

    [Fact]
    public async Task Migrate_AsARoleThatMayNotCreateExtensions_SearchesWithoutTrigramIndexes_UntilAStartWhereItMay()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var role = $"app_{Guid.NewGuid():N}"[..16];
        await ExecuteAsync(connectionString, $"CREATE ROLE {role} LOGIN", $"GRANT CREATE ON SCHEMA public TO {role}");
        var asRole = new NpgsqlConnectionStringBuilder(connectionString) { Username = role }.ConnectionString;

        await using (var services = Services(asRole))
            await services.GetRequiredService<RegistryDatabase>().MigrateAsync(CancellationToken.None);
        var withoutIndexes = await SearchIndexesAsync(connectionString);
        RegistryResult<SearchResults> found;
        await using (var context = postgres.CreateContext(asRole))
            found = await new CatalogSearch(context).SearchAsync(Entity.DefaultName, null, null, Caller.Anonymous);
        await ExecuteAsync(connectionString, $"GRANT CREATE ON DATABASE {database} TO {role}");
        await using (var services = Services(asRole))
            await services.GetRequiredService<RegistryDatabase>().MigrateAsync(CancellationToken.None);

        Assert.Empty(withoutIndexes);
        Assert.True(found.Succeeded, found.Message);
        Assert.Equal(Entity.DefaultName, Assert.Single(found.Value.Entities).Name);
        Assert.Equal(["ix_containers_description", "ix_containers_name", "ix_labels_key", "ix_labels_value", "ix_tags_name"],
            await SearchIndexesAsync(connectionString));
    }

    [Fact]
    public async Task MigratedDatabase_HasDefaultEntityOwnedByNobody()
    {
        await using var context = postgres.CreateContext(await postgres.CreateDatabaseAsync());

        var entity = await context.Entities.SingleAsync();

        Assert.Equal(Entity.DefaultName, entity.Name);
        Assert.Null(entity.OwnerUserId);
        Assert.Null(entity.OwnerTeamId);
    }

    [Fact]
    public async Task CanConnect_ReportsWhetherTheDatabaseAnswers()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var missing = new NpgsqlConnectionStringBuilder(connectionString) { Database = "no_such_database" }.ConnectionString;
        await using var present = Services(connectionString);
        await using var absent = Services(missing);

        Assert.True(await present.GetRequiredService<RegistryDatabase>().CanConnectAsync(CancellationToken.None));
        Assert.False(await absent.GetRequiredService<RegistryDatabase>().CanConnectAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AddRegistryDatabase_GivesEachScopeItsOwnContext()
    {
        await using var services = Services(await postgres.CreateDatabaseAsync());

        await using var first = services.CreateAsyncScope();
        await using var second = services.CreateAsyncScope();
        var context = first.ServiceProvider.GetRequiredService<RegistryDbContext>();

        Assert.Same(context, first.ServiceProvider.GetRequiredService<RegistryDbContext>());
        Assert.NotSame(context, second.ServiceProvider.GetRequiredService<RegistryDbContext>());
        Assert.True(await context.Entities.AnyAsync());
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<string>> SearchIndexesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    private static ServiceProvider Services(string connectionString) =>
        new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddRegistryDatabase(connectionString)
            .BuildServiceProvider(validateScopes: true);
}
