using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions;

namespace SRegistry.Core.Storage;

/// <summary>Registers the filesystem blob store.</summary>
public static class FileSystemBlobStoreServiceCollectionExtensions
{
    /// <summary>Makes <see cref="FileSystemBlobStore"/> selectable as <c>Storage:Provider = filesystem</c>.</summary>
    public static IServiceCollection AddFileSystemBlobStore(this IServiceCollection services, FileSystemBlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services.AddBlobStoreProvider(FileSystemBlobStore.ProviderKey, _ => new FileSystemBlobStore(options));
    }
}
