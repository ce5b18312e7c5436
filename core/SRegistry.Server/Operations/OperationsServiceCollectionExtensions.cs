using SRegistry.Core.GarbageCollection;
using SRegistry.Core.Quotas;

namespace SRegistry.Server.Operations;

/// <summary>Options of the operations features (garbage collection, quotas) shared by the server and the admin command line.</summary>
public static class OperationsServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>GarbageCollection</c> (and the other operations sections) at start.</summary>
    public static IServiceCollection AddRegistryOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GarbageCollectionOptions>()
            .Bind(configuration.GetSection(GarbageCollectionOptions.SectionName))
            .Validate(o => o.Interval >= TimeSpan.Zero, "GarbageCollection:Interval must be 00:00:00 (off) or a positive time span such as 1.00:00:00.")
            .Validate(o => o.GracePeriod >= TimeSpan.Zero, "GarbageCollection:GracePeriod must be a time span such as 01:00:00.")
            .Validate(o => o.BatchSize > 0, "GarbageCollection:BatchSize must be a positive number of blobs.")
            .ValidateOnStart();
        services.AddOptions<QuotaOptions>()
            .Bind(configuration.GetSection(QuotaOptions.SectionName))
            .Validate(o => o.DefaultUserBytes >= 0 && o.DefaultTeamBytes >= 0, "Quotas:DefaultUserBytes and Quotas:DefaultTeamBytes must be 0 (no limit) or a number of bytes.")
            .ValidateOnStart();
        return services;
    }
}
