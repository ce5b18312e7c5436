using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SRegistry.Core.Persistence;

public static class RegistryDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RegistryDbContext"/> (scoped, from a pool), <see cref="IDbContextFactory{TContext}"/>
    /// for singletons and background work, <see cref="RegistryDatabase"/> and <see cref="DatabaseLeases"/>.
    /// </summary>
    public static IServiceCollection AddRegistryDatabase(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddPooledDbContextFactory<RegistryDbContext>(options => options.UseRegistryDatabase(connectionString));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContext());
        services.AddSingleton<RegistryDatabase>();
        services.AddSingleton<DatabaseLeases>();
        return services;
    }
}
