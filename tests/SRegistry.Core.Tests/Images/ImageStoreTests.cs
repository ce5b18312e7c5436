using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Images;
using SRegistry.Core.Persistence;
using SRegistry.Core.Storage;
using SRegistry.Core.Tests.Accounts;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Images;

[Collection("Postgres")]
public sealed class ImageStoreTests(PostgresFixture postgres) : IDisposable
{
    private readonly ManualTimeProvider time = new();
    private readonly string root = Directory.CreateTempSubdirectory("sregistry-imagestore-").FullName;
    private readonly byte[] content = RandomNumberGenerator.GetBytes(100_000);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Put_NewContent_RecordsOneRow()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);

        var result = await Store(db).PutAsync(new MemoryStream(content), new BlobExpectation(Digest(content), content.Length), Actor.System, default);

        Assert.Equal(BlobPutOutcome.Stored, result.Outcome);
        await using var check = postgres.CreateContext(cs);
        var row = await check.Blobs.SingleAsync();
        Assert.Equal(Digest(content).Hex, row.Digest);
        Assert.Equal(content.Length, row.Size);
        Assert.Equal(time.GetUtcNow(), row.CreatedAt);
        Assert.Equal(AuditActions.BlobStore, (await check.AuditEvents.SingleAsync()).Action);
    }

    [Fact]
    public async Task Put_SameContentTwice_KeepsOneRow()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        await Store(db).PutAsync(new MemoryStream(content), BlobExpectation.None, Actor.System, default);

        await using var other = postgres.CreateContext(cs);
        var second = await Store(other).PutAsync(new MemoryStream(content), BlobExpectation.None, Actor.System, default);

        Assert.Equal(BlobPutOutcome.AlreadyPresent, second.Outcome);
        await using var check = postgres.CreateContext(cs);
        Assert.Equal(1, await check.Blobs.CountAsync());
        Assert.Single(BlobFiles());
    }

    [Fact]
    public async Task Put_DigestMismatch_LeavesNoRowAndNoFile()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var wrong = Digest([1, 2, 3]);

        var result = await Store(db).PutAsync(new MemoryStream(content), new BlobExpectation(wrong), Actor.System, default);

        Assert.Equal(BlobPutOutcome.DigestMismatch, result.Outcome);
        await AssertNothingStoredAsync(cs);
    }

    [Fact]
    public async Task Put_SizeMismatch_LeavesNoRowAndNoFile()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);

        var result = await Store(db).PutAsync(new MemoryStream(content), new BlobExpectation(Size: content.Length + 1), Actor.System, default);

        Assert.Equal(BlobPutOutcome.SizeMismatch, result.Outcome);
        await AssertNothingStoredAsync(cs);
    }

    [Fact]
    public async Task Put_StreamFails_LeavesNoRowAndNoFile()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);

        await Assert.ThrowsAnyAsync<IOException>(() =>
            Store(db).PutAsync(new BrokenStream(200_000), BlobExpectation.None, Actor.System, default));

        await AssertNothingStoredAsync(cs);
    }

    [Fact]
    public async Task Exists_RequiresRowAndFile()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var store = Store(db);
        var digest = Digest(content);
        Assert.False(await store.ExistsAsync(digest, default));

        await store.PutAsync(new MemoryStream(content), BlobExpectation.None, Actor.System, default);
        Assert.True(await store.ExistsAsync(digest, default));

        await Blobs().DeleteAsync(digest, default);
        Assert.False(await store.ExistsAsync(digest, default));
    }

    [Fact]
    public async Task OpenRead_Range_ReturnsThoseBytes()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var store = Store(db);
        await store.PutAsync(new MemoryStream(content), BlobExpectation.None, Actor.System, default);

        await using var stream = await store.OpenReadAsync(Digest(content), 1000, 500, default);

        Assert.NotNull(stream);
        var read = new MemoryStream();
        await stream.CopyToAsync(read);
        Assert.Equal(content.AsSpan(1000, 500).ToArray(), read.ToArray());
    }

    [Fact]
    public async Task OpenRead_FileWithoutRow_ReturnsNull()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        await Blobs().PutAsync(new MemoryStream(content), BlobExpectation.None, default);

        Assert.Null(await Store(db).OpenReadAsync(Digest(content), 0, null, default));
    }

    [Fact]
    public async Task CountReferences_CountsOnlyUploadedImages()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var digest = Digest(content);
        var entity = await db.Entities.SingleAsync(e => e.Name == Entity.DefaultName);
        var container = new Container { Name = "bwa", Collection = new Collection { Name = "tools", EntityId = entity.Id } };
        // Uploaded images name recorded blobs (the database refuses a reference to an unrecorded one).
        db.Blobs.AddRange(new StoredBlob { Digest = digest.Hex }, new StoredBlob { Digest = Digest([1]).Hex });
        container.Images.Add(new Image { Digest = digest.Hex, Arch = "amd64", Uploaded = true });
        container.Images.Add(new Image { Digest = digest.Hex, Arch = "arm64", Uploaded = true });
        container.Images.Add(new Image { Digest = digest.Hex, Arch = "ppc64le", Uploaded = false });
        container.Images.Add(new Image { Digest = Digest([1]).Hex, Arch = "amd64", Uploaded = true });
        db.Containers.Add(container);
        await db.SaveChangesAsync();

        Assert.Equal(2, await Store(db).CountReferencesAsync(digest, default));
        Assert.Equal(0, await Store(db).CountReferencesAsync(Digest([2]), default));
    }

    [Fact]
    public async Task CountReferences_CountsManifestBlobsAndRepositoryUploads_NotChildManifests()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var layer = Digest(content);
        var child = Digest([3]);
        var container = await NewContainerAsync(db);
        db.Blobs.Add(new StoredBlob { Digest = layer.Hex });
        var manifest = new Manifest { ContainerId = container.Id, Digest = Digest([4]).Hex, MediaType = "application/vnd.oci.image.index.v1+json", Content = [4] };
        manifest.References.Add(new ManifestReference { Digest = layer.Hex });
        manifest.References.Add(new ManifestReference { Digest = child.Hex, IsManifest = true });
        db.Manifests.Add(manifest);
        db.RepositoryBlobs.Add(new RepositoryBlob { ContainerId = container.Id, Digest = layer.Hex });
        await db.SaveChangesAsync();

        Assert.Equal(2, await Store(db).CountReferencesAsync(layer, default));
        Assert.Equal(0, await Store(db).CountReferencesAsync(child, default));
    }

    [Fact]
    public async Task DiscardIfUnreferenced_KeepsABlobAManifestNames_AndDiscardsItOnceTheManifestIsGone()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var digest = Digest(content);
        await Store(db).PutAsync(new MemoryStream(content), BlobExpectation.None, Actor.System, default);
        var container = await NewContainerAsync(db);
        var manifest = new Manifest { ContainerId = container.Id, Digest = Digest([5]).Hex, MediaType = "application/vnd.oci.image.manifest.v1+json", Content = [5] };
        manifest.References.Add(new ManifestReference { Digest = digest.Hex });
        db.Manifests.Add(manifest);
        await db.SaveChangesAsync();

        await Store(db).DiscardIfUnreferencedAsync(digest, Actor.System, default);
        var keptWhileNamed = await Store(db).ExistsAsync(digest, default);
        await db.Manifests.Where(m => m.Id == manifest.Id).ExecuteDeleteAsync();
        await Store(db).DiscardIfUnreferencedAsync(digest, Actor.System, default);

        Assert.True(keptWhileNamed);
        Assert.False(await Store(db).ExistsAsync(digest, default));
        Assert.Empty(BlobFiles());
    }

    [Fact]
    public async Task AdoptFile_OnTheStoresFilesystem_MovesTheFileIntoPlace_AndRecordsIt()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var spooled = await SpoolAsync(content);

        var result = await Store(db).AdoptFileAsync(spooled, Digest(content), new BlobExpectation(Digest(content), content.Length), Actor.System, default);

        Assert.Equal(BlobPutOutcome.Stored, result.Outcome);
        Assert.False(File.Exists(spooled), "the file itself became the blob, so its bytes were not written again");
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(root, "blobs", "sha256", Digest(content).Hex[..2], Digest(content).Hex)));
        await using var check = postgres.CreateContext(cs);
        Assert.Equal(Digest(content).Hex, (await check.Blobs.SingleAsync()).Digest);
    }

    [Fact]
    public async Task AdoptFile_WithAnotherDigest_StoresNothing_AndLeavesTheFileToItsOwner()
    {
        var cs = await postgres.CreateDatabaseAsync();
        await using var db = postgres.CreateContext(cs);
        var spooled = await SpoolAsync(content);

        var result = await Store(db).AdoptFileAsync(spooled, Digest(content), new BlobExpectation(Digest([1, 2, 3]), content.Length), Actor.System, default);

        Assert.Equal(BlobPutOutcome.DigestMismatch, result.Outcome);
        Assert.Equal(content, await File.ReadAllBytesAsync(spooled));
        File.Delete(spooled);
        await AssertNothingStoredAsync(cs);
    }

    private async Task<string> SpoolAsync(byte[] bytes)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(root, "spool")).FullName, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    private static async Task<Container> NewContainerAsync(RegistryDbContext db)
    {
        var entity = await db.Entities.SingleAsync(e => e.Name == Entity.DefaultName);
        var container = new Container { Name = "oci", Collection = new Collection { Name = "tools", EntityId = entity.Id } };
        db.Containers.Add(container);
        await db.SaveChangesAsync();
        return container;
    }

    private ImageStore Store(RegistryDbContext db)
    {
        var blobs = Blobs();
        return new(db, blobs, new FileUploadStaging(Path.Combine(root, "uploads"), blobs), new AuditLog(db, time), time);
    }

    private FileSystemBlobStore Blobs() => new(new FileSystemBlobStoreOptions { Path = root });

    private string[] BlobFiles() => Directory.GetFiles(root, "*", SearchOption.AllDirectories);

    private static BlobDigest Digest(byte[] bytes) => BlobDigest.FromHash(SHA256.HashData(bytes));

    private async Task AssertNothingStoredAsync(string cs)
    {
        await using var check = postgres.CreateContext(cs);
        Assert.False(await check.Blobs.AnyAsync());
        Assert.False(await check.AuditEvents.AnyAsync());
        Assert.Empty(BlobFiles());
    }
}
