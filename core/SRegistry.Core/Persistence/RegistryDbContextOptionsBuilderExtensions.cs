using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SRegistry.Core.Persistence;

public static class RegistryDbContextOptionsBuilderExtensions
{
    /// <summary>Points a <see cref="RegistryDbContext"/> at PostgreSQL the way the server does; tests use it too.</summary>
    public static DbContextOptionsBuilder UseRegistryDatabase(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder
            .UseNpgsql(connectionString)
            // Migrations are hand-written SQL without a model snapshot (the EF design package is not
            // available), so EF always believes the model has pending changes. The schema-vs-model
            // check is MigrationSchemaTests.MigratedSchema_MatchesModel instead.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}
