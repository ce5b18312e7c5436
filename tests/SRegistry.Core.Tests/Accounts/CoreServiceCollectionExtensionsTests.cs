using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Images;
using SRegistry.Core.Persistence;
using SRegistry.Core.Stars;
using SRegistry.Core.Storage;
using SRegistry.Core.Teams;
using SRegistry.Core.Usage;

namespace SRegistry.Core.Tests.Accounts;

public sealed class CoreServiceCollectionExtensionsTests
{
    [Fact]
    public void AddRegistryCore_WithHostServices_ResolvesEveryCoreService()
    {
        var root = Directory.CreateTempSubdirectory("sregistry-di-").FullName;
        var services = new ServiceCollection();
        services.AddDbContext<RegistryDbContext>(o => o.UseRegistryDatabase("Host=localhost;Database=unused"));
        services.AddSingleton<IBlobStore>(new FileSystemBlobStore(new FileSystemBlobStoreOptions { Path = root }));

        services.AddRegistryCore();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<AccountService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ApiTokenService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ImageStore>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<TeamService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<StarService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<UsageReport>());
        Assert.Same(scope.ServiceProvider.GetRequiredService<AuditLog>(), scope.ServiceProvider.GetRequiredService<AuditLog>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void AddRegistryCore_KeepsAClockTheHostRegistered()
    {
        var clock = new ManualTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        services.AddRegistryCore();

        using var provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }
}
