using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SRegistry.Core.Persistence.Migrations;

/// <summary>
/// A migration whose Up step is the embedded SQL file named after its id (<c>Migrations/&lt;id&gt;.sql</c>).
/// Hand-written SQL keeps each schema change reviewable as plain DDL. There is no Down: a registry is
/// rolled back by restoring a backup, not by dropping columns that hold data.
/// To change the schema: change the model, add <c>&lt;yyyyMMddHHmmss&gt;_&lt;Name&gt;.sql</c> and a class like
/// <see cref="InitialSchema"/>, and never edit a migration that has shipped. MigrationSchemaTests proves the
/// migrated schema still equals the model.
/// </summary>
internal abstract class SqlScriptMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var id = GetType().GetCustomAttribute<MigrationAttribute>()?.Id
            ?? throw new InvalidOperationException($"{GetType().Name} has no [Migration] attribute.");
        migrationBuilder.Sql(ReadScript(id));
    }

    internal static string ReadScript(string migrationId)
    {
        var name = $"{typeof(SqlScriptMigration).Namespace}.{migrationId}.sql";
        using var stream = typeof(SqlScriptMigration).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The migration script resource '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
