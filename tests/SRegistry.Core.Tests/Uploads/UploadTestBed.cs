using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;
using SRegistry.Core.Storage;
using SRegistry.Core.Tests.Accounts;
using SRegistry.Core.Tests.Persistence;
using SRegistry.Core.Uploads;

namespace SRegistry.Core.Tests.Uploads;

/// <summary>
/// A registry as the host wires it (AddRegistryCore, a migrated database, a filesystem blob store, an
/// upload directory, a manual clock) with alice owning <c>alice/tools/bwa</c> and bob, who owns nothing.
/// </summary>
internal sealed class UploadTestBed : IAsyncDisposable
{
    private readonly PostgresFixture _postgres;
    private readonly ServiceProvider _services;
    private readonly ScratchDirectory _directory = new();

    private UploadTestBed(PostgresFixture postgres, string connectionString, long multipartPartSize, Func<IBlobStore, IBlobStore>? wrapStore)
    {
        _postgres = postgres;
        ConnectionString = connectionString;
        BlobRoot = Path.Combine(_directory.Path, "blobs");
        UploadRoot = Path.Combine(_directory.Path, "uploads");
        IBlobStore store = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Path = BlobRoot });
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(wrapStore is null ? store : wrapStore(store))
            .AddDbContext<RegistryDbContext>(o => o.UseRegistryDatabase(connectionString))
            .Configure<UploadOptions>(o =>
            {
                o.Directory = UploadRoot;
                o.MultipartPartSize = multipartPartSize;
            })
            .AddRegistryCore();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public ManualTimeProvider Time { get; } = new();
    public string ConnectionString { get; }
    public string BlobRoot { get; }
    public string UploadRoot { get; }
    public Caller Alice { get; private set; } = Caller.Anonymous;
    public Caller Bob { get; private set; } = Caller.Anonymous;
    public long ContainerId { get; private set; }
    public long PrivateContainerId { get; private set; }

    public static async Task<UploadTestBed> CreateAsync(
        PostgresFixture postgres, long multipartPartSize = 64L << 20, Func<IBlobStore, IBlobStore>? wrapStore = null)
    {
        var bed = new UploadTestBed(postgres, await postgres.CreateDatabaseAsync(), multipartPartSize, wrapStore);
        await bed.SeedAsync();
        return bed;
    }

    /// <summary>Runs <paramref name="action"/> with the upload service of a new scope, as one request would.</summary>
    public async Task<T> RequestAsync<T>(Func<ImageUploadService, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ImageUploadService>());
    }

    /// <summary>Runs <paramref name="action"/> with a service of a new scope, as one request would.</summary>
    public async Task<T> RequestAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A fresh context for checking what was saved.</summary>
    public RegistryDbContext Check() => _postgres.CreateContext(ConnectionString);

    /// <summary>Creates a not yet uploaded image of alice's container for <paramref name="content"/>.</summary>
    public async Task<long> CreateImageAsync(byte[] content, string arch = "amd64", long? containerId = null, params (string Key, string Value)[] labels)
    {
        await using var db = Check();
        var image = new Image
        {
            ContainerId = containerId ?? ContainerId,
            Digest = Convert.ToHexStringLower(SHA256.HashData(content)),
            Arch = arch,
            CreatedAt = Time.GetUtcNow(),
            Labels = [.. labels.Select(l => new Label { Key = l.Key, Value = l.Value })],
        };
        db.Images.Add(image);
        await db.SaveChangesAsync();
        return image.Id;
    }

    public async Task<Image> LoadImageAsync(long imageId)
    {
        await using var db = Check();
        return await db.Images.Include(i => i.Labels).SingleAsync(i => i.Id == imageId);
    }

    /// <summary>The published blob files of the store.</summary>
    public string[] BlobFiles() =>
        Directory.Exists(Path.Combine(BlobRoot, "blobs")) ? Directory.GetFiles(Path.Combine(BlobRoot, "blobs"), "*", SearchOption.AllDirectories) : [];

    /// <summary>Everything below the upload directory (parts and their directories).</summary>
    public string[] UploadEntries() =>
        Directory.Exists(UploadRoot) ? Directory.GetFileSystemEntries(UploadRoot, "*", SearchOption.AllDirectories) : [];

    public async Task AssertNothingStoredAsync(long imageId)
    {
        await using var db = Check();
        Assert.False(await db.Blobs.AnyAsync());
        Assert.Empty(BlobFiles());
        Assert.False((await db.Images.SingleAsync(i => i.Id == imageId)).Uploaded);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _directory.Dispose();
    }

    private async Task SeedAsync()
    {
        await using var db = Check();
        var now = Time.GetUtcNow();
        var alice = new User { UserName = "alice", CreatedAt = now };
        var bob = new User { UserName = "bob", CreatedAt = now };
        var entity = new Entity { Name = "alice", OwnerUser = alice, CreatedAt = now };
        var container = new Container
        {
            Name = "bwa", CreatedAt = now, UpdatedAt = now,
            Collection = new Collection { Name = "tools", Entity = entity, CreatedAt = now, UpdatedAt = now },
        };
        var hidden = new Container
        {
            Name = "secret", CreatedAt = now, UpdatedAt = now,
            Collection = new Collection { Name = "private", Entity = entity, IsPrivate = true, CreatedAt = now, UpdatedAt = now },
        };
        db.AddRange(bob, container, hidden);
        await db.SaveChangesAsync();
        Alice = Caller.ForUser(alice, []);
        Bob = Caller.ForUser(bob, []);
        ContainerId = container.Id;
        PrivateContainerId = hidden.Id;
    }
}
