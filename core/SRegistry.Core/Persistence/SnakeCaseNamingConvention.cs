using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace SRegistry.Core.Persistence;

/// <summary>
/// Gives columns, keys, foreign keys and indexes snake_case names, so the schema reads naturally in psql
/// and the hand-written migration SQL needs no quoting. Runs when the model is finalized, after the
/// built-in conventions have added every key and index. Names set explicitly in a configuration win.
/// </summary>
internal sealed class SnakeCaseNamingConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties())
            {
                property.Builder.HasColumnName(ToSnakeCase(property.Name));
            }
        }

        // Default key and index names derive from the (now snake_case) table and column names.
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            foreach (var key in entityType.GetDeclaredKeys())
            {
                key.Builder.HasName(key.GetDefaultName()?.ToLowerInvariant());
            }

            foreach (var foreignKey in entityType.GetDeclaredForeignKeys())
            {
                foreignKey.Builder.HasConstraintName(foreignKey.GetDefaultName()?.ToLowerInvariant());
            }

            foreach (var index in entityType.GetDeclaredIndexes())
            {
                index.Builder.HasDatabaseName(index.GetDefaultDatabaseName()?.ToLowerInvariant());
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append('_');
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
