using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Catalog;
using SRegistry.Core.Persistence;
using SRegistry.Core.Storage;

namespace SRegistry.Core.Tests.Catalog;

public sealed class CatalogRegistrationTests
{
    [Fact]
    public void AddRegistryCore_WithHostServices_ResolvesEveryCatalogService()
    {
        var root = Directory.CreateTempSubdirectory("sregistry-di-").FullName;
        var services = new ServiceCollection();
        services.AddDbContext<RegistryDbContext>(o => o.UseRegistryDatabase("Host=localhost;Database=unused"));
        services.AddSingleton<IBlobStore>(new FileSystemBlobStore(new FileSystemBlobStoreOptions { Path = root }));
        services.Configure<CatalogOptions>(o => o.DefaultPrivate = true);

        services.AddRegistryCore();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CallerFactory>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<EntityCatalog>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CollectionCatalog>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ContainerCatalog>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ImageCatalog>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<TagCatalog>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CatalogSearch>());
        Assert.True(scope.ServiceProvider.GetRequiredService<IOptions<CatalogOptions>>().Value.DefaultPrivate);
        Directory.Delete(root, recursive: true);
    }
}
