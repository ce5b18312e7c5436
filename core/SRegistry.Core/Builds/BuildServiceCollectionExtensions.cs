using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Sources;

namespace SRegistry.Core.Builds;

/// <summary>Registers builds: the queue, the reporter backends call, the catalog users see, and repository connections.</summary>
public static class BuildServiceCollectionExtensions
{
    /// <summary>
    /// Adds the build services. The host registers the selected <see cref="IBuildBackend"/> (if any) before
    /// the container is built, binds <see cref="BuildOptions"/>, provides Data Protection, and runs
    /// <see cref="BuildDispatcher"/> as a hosted service.
    /// </summary>
    public static IServiceCollection AddRegistryBuilds(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new ConfiguredBuildBackend(sp.GetService<IBuildBackend>()));
        services.TryAddSingleton<BuildDispatchSignal>();
        services.TryAddSingleton<BuildNotifier>();
        services.TryAddSingleton<BuildScheduler>();
        services.TryAddSingleton<IBuildScheduler>(sp => sp.GetRequiredService<BuildScheduler>());
        services.TryAddSingleton<IBuildReporter, BuildReporter>();
        services.TryAddSingleton<ISourceConnections, SourceConnectionStore>();
        // Connection secrets are encrypted with Data Protection; the host decides where its keys live.
        services.AddDataProtection();
        services.TryAddSingleton<ConnectionSecrets>();
        services.TryAddScoped<BuildTransitions>();
        services.TryAddScoped<BuildClaims>();
        services.TryAddScoped<BuildDestination>();
        services.TryAddScoped<BuildImageImporter>();
        services.TryAddScoped<BuildCatalog>();
        services.TryAddScoped<RepositoryConnections>();
        return services;
    }
}
