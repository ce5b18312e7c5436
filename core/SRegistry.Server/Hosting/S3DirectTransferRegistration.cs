using Microsoft.Extensions.DependencyInjection.Extensions;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Storage;
using SRegistry.Storage.S3;

namespace SRegistry.Server.Hosting;

/// <summary>What choosing the S3 store adds: its options checked at start, and direct transfers when switched on.</summary>
public static class S3DirectTransferRegistration
{
    public static IServiceCollection AddS3DirectTransfers(this IServiceCollection services, IConfiguration configuration)
    {
        services.ValidateS3OptionsOnStart();
        var options = configuration.GetSection(S3BlobStoreOptions.SectionName).Get<S3BlobStoreOptions>() ?? new S3BlobStoreOptions();
        if (options.DirectTransfers)
        {
            services.Replace(ServiceDescriptor.Singleton(provider =>
                new DirectTransfers((IPresignedBlobTransfer)provider.GetRequiredService<IBlobStore>(), options.UrlLifetime)));
        }
        return services;
    }
}
