using Npgsql;

namespace SRegistry.Core.Tests.Persistence;

/// <summary>
/// The migrations are hand-written SQL without an EF model snapshot, so this is what keeps them honest:
/// a migrated database must have exactly the schema EF would create from the model.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrationSchemaTests(PostgresFixture postgres)
{
    private const string Columns = """
        SELECT format('%s.%s %s(%s) nullable=%s identity=%s %s default=%s length=%s',
                      table_name, column_name, data_type, udt_name, is_nullable, is_identity,
                      coalesce(identity_generation, ''), coalesce(column_default, ''),
                      coalesce(character_maximum_length::text, ''))
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
        """;

    private const string Indexes = """
        SELECT indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
        """;

    // Primary, unique, foreign key (with its ON DELETE) and check constraints.
    private const string Constraints = """
        SELECT format('%s %s %s', t.relname, c.conname, pg_get_constraintdef(c.oid))
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE c.connamespace = 'public'::regnamespace AND t.relname <> '__EFMigrationsHistory'
        """;

    [Fact]
    public async Task MigratedSchema_MatchesModel()
    {
        var migrated = await postgres.CreateDatabaseAsync();
        var fromModel = await postgres.CreateEmptyDatabaseAsync();
        await using (var context = postgres.CreateContext(fromModel))
        {
            Assert.True(await context.Database.EnsureCreatedAsync());
        }

        var missing = new List<string>();
        var extra = new List<string>();
        foreach (var query in new[] { Columns, Indexes, Constraints })
        {
            var expected = await ReadAsync(fromModel, query);
            var actual = await ReadAsync(migrated, query);
            Assert.NotEmpty(expected);
            missing.AddRange(expected.Except(actual));
            extra.AddRange(actual.Except(expected));
        }

        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"The migrations differ from the EF model.\nIn the model, not in the migrations:\n  {string.Join("\n  ", missing)}"
            + $"\nIn the migrations, not in the model:\n  {string.Join("\n  ", extra)}");
    }

    private static async Task<List<string>> ReadAsync(string connectionString, string query)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
