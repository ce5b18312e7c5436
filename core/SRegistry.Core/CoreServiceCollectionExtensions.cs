using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Security;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Builds;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.GarbageCollection;
using SRegistry.Core.Images;
using SRegistry.Core.Security;
using SRegistry.Core.Metrics;
using SRegistry.Core.Sharing;
using SRegistry.Core.Stars;
using SRegistry.Core.Teams;
using SRegistry.Core.Oci;
using SRegistry.Core.Storage;
using SRegistry.Core.Quotas;
using SRegistry.Core.RateLimiting;
using SRegistry.Core.Uploads;
using SRegistry.Core.Usage;

namespace SRegistry.Core;

/// <summary>Registers the core's application services.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the accounts, tokens, audit log, image store, catalog, teams and their invitations, stars, usage report and one-time-use keys (scoped,
    /// one per request) and the system clock. The host registers the <c>RegistryDbContext</c> and the configured <c>IBlobStore</c>,
    /// and binds <see cref="CatalogOptions"/> from <see cref="CatalogOptions.SectionName"/> and
    /// <see cref="ExternalAccountOptions"/> from <see cref="ExternalAccountOptions.SectionName"/>.
    /// </summary>
    public static IServiceCollection AddRegistryCore(this IServiceCollection services)
    {
        services.AddOptions();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(DirectTransfers.Off);
        services.TryAddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.TryAddScoped<AuditLog>();
        services.TryAddScoped<AuditTrail>();
        services.TryAddScoped<AccountService>();
        services.TryAddScoped<ApiTokenService>();
        services.TryAddScoped<ExternalAccountRecheck>();
        services.TryAddScoped<ExternalRoleSync>();
        services.TryAddScoped<ExternalAccountProvisioner>();
        services.TryAddScoped<PasswordSignIn>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExternalAccountOptions>, ExternalAccountOptionsValidator>());
        services.TryAddScoped<ImageStore>();
        services.TryAddSingleton(UploadStaging);
        services.TryAddScoped<BlobInventory>();
        services.TryAddScoped<CallerFactory>();
        services.TryAddScoped<EntityCatalog>();
        services.TryAddScoped<CollectionCatalog>();
        services.TryAddScoped<ContainerCatalog>();
        services.TryAddScoped<ImageCatalog>();
        services.TryAddScoped<TagCatalog>();
        services.TryAddScoped<CatalogSearch>();
        services.TryAddScoped<CatalogListing>();
        services.TryAddScoped<CollectionSettings>();
        services.TryAddScoped<ContainerSettings>();
        services.TryAddScoped<LabelCatalog>();
        services.TryAddScoped<ShareLinkService>();
        services.TryAddScoped<TeamService>();
        services.TryAddScoped<TeamInvitations>();
        services.TryAddScoped<StarService>();
        services.TryAddScoped<Robots.RobotOwners>();
        services.TryAddScoped<Robots.RobotAccounts>();
        services.TryAddScoped<UsageReport>();
        services.TryAddScoped<SifMetadataRecorder>();
        services.TryAddScoped<ImageUploadService>();
        services.TryAddScoped<OciRepositories>();
        services.TryAddScoped<OciBlobs>();
        services.TryAddScoped<OciBlobUploads>();
        services.TryAddScoped<SifArtifacts>();
        services.TryAddScoped<OciManifests>();
        services.TryAddScoped<IOneTimeUseStore, DatabaseOneTimeUseStore>();
        services.AddRegistryBuilds();
        services.TryAddScoped<GarbageCollector>();
        services.TryAddSingleton<MetricGauges>();
        services.TryAddScoped<RateLimitCounters>();
        services.TryAddScoped<QuotaService>();
        services.TryAddScoped<LeaseStore>();
        return services;
    }

    // Uploads are staged where the store says, or else in Uploads:Directory (on the store's filesystem
    // by default, so that a filesystem store adopts them without copying).
    private static IUploadStaging UploadStaging(IServiceProvider provider)
    {
        var store = provider.GetRequiredService<IBlobStore>();
        if (store is IUploadStaging own) return own;
        return new FileUploadStaging(provider.GetRequiredService<IOptions<UploadOptions>>().Value.Directory, store);
    }
}
