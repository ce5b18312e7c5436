using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions;

namespace SRegistry.Storage.S3;

/// <summary>Registers the S3 blob store.</summary>
public static class S3BlobStoreServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="S3BlobStore"/> selectable as <c>Storage:Provider = s3</c>, with its options bound
    /// from <paramref name="section"/> (<c>Storage:S3</c>). The options are validated when the store is
    /// selected (<see cref="ValidateS3OptionsOnStart"/>), so an unused section never stops the server.
    /// </summary>
    public static IServiceCollection AddS3BlobStore(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<S3BlobStoreOptions>().Bind(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3BlobStoreOptions>, S3BlobStoreOptionsValidator>());
        services.TryAddSingleton(provider => S3ClientFactory.Create(provider.GetRequiredService<IOptions<S3BlobStoreOptions>>().Value));
        return services.AddBlobStoreProvider(S3BlobStore.ProviderKey, provider =>
            new S3BlobStore(provider.GetRequiredService<Amazon.S3.IAmazonS3>(), provider.GetRequiredService<IOptions<S3BlobStoreOptions>>().Value));
    }

    /// <summary>Checks the S3 options before the host starts (call it when <c>s3</c> is the selected store).</summary>
    public static IServiceCollection ValidateS3OptionsOnStart(this IServiceCollection services)
    {
        services.AddOptions<S3BlobStoreOptions>().ValidateOnStart();
        return services;
    }
}
