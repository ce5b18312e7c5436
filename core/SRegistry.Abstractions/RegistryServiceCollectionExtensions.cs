using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Authentication;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Sources;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Abstractions;

/// <summary>How plugins (and the core's defaults) register what they provide.</summary>
public static class RegistryServiceCollectionExtensions
{
    /// <summary>Adds a password authenticator; the core tries each registered one in order.</summary>
    public static IServiceCollection AddPasswordAuthenticator<T>(this IServiceCollection services)
        where T : class, IPasswordAuthenticator
    {
        services.AddSingleton<IPasswordAuthenticator, T>();
        return services;
    }

    /// <summary>Makes a blob store selectable as <c>Storage:Provider = key</c>.</summary>
    public static IServiceCollection AddBlobStoreProvider(this IServiceCollection services, string key, Func<IServiceProvider, IBlobStore> create)
    {
        services.AddSingleton(new BlobStoreProvider(key, create));
        return services;
    }

    /// <summary>Makes a build backend selectable as <c>Builds:Provider = key</c>.</summary>
    public static IServiceCollection AddBuildBackend(this IServiceCollection services, string key, Func<IServiceProvider, IBuildBackend> create)
    {
        services.AddSingleton(new BuildBackendProvider(key, create));
        return services;
    }

    /// <summary>Adds an observer told about every build state change (see <see cref="IBuildObserver"/>).</summary>
    public static IServiceCollection AddBuildObserver<T>(this IServiceCollection services)
        where T : class, IBuildObserver
    {
        services.AddSingleton<IBuildObserver, T>();
        return services;
    }

    /// <summary>Makes a kind of source repository connectable to collections (see <see cref="SourceProvider"/>).</summary>
    public static IServiceCollection AddSourceProvider(this IServiceCollection services, SourceProvider provider)
    {
        services.AddSingleton(provider);
        return services;
    }
}
