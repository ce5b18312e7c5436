using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Domain;
using SRegistry.Core.Images;
using SRegistry.Core.Oci;
using SRegistry.Core.Tests.Persistence;
using SRegistry.Core.Tests.Uploads;

namespace SRegistry.Core.Tests.Oci;

/// <summary>OCI blob uploads: chunks staged in order, published through the ImageStore, pruned when abandoned.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OciBlobUploadTests(PostgresFixture postgres)
{
    private readonly byte[] _content = RandomNumberGenerator.GetBytes(50_000);

    [Fact]
    public async Task Complete_AfterChunksInOrder_StoresTheBlobLinksItAndRemovesTheUpload()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var upload = await BeginAsync(bed);
        await bed.RequestAsync<OciBlobUploads, OciResult<long>>(u => u.AppendAsync(upload, new MemoryStream(_content[..20_000]), 0, default));

        var completed = await bed.RequestAsync<OciBlobUploads, OciResult<BlobPutResult>>(
            u => u.CompleteAsync(upload, new MemoryStream(_content[20_000..]), 20_000, Digest(_content), bed.Alice, default));

        Assert.True(completed.Succeeded, completed.Message);
        await using var check = bed.Check();
        Assert.True(await check.RepositoryBlobs.AnyAsync(b => b.ContainerId == bed.ContainerId && b.Digest == Digest(_content).Hex));
        Assert.Empty(await check.OciUploads.ToListAsync());
        Assert.Equal(1, await bed.RequestAsync<ImageStore, int>(s => s.CountReferencesAsync(Digest(_content), default)));
        Assert.Empty(StagedUploads(bed));
    }

    [Fact]
    public async Task Append_NotWhereTheUploadStands_IsRangeInvalidAndChangesNothing()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var upload = await BeginAsync(bed);
        await bed.RequestAsync<OciBlobUploads, OciResult<long>>(u => u.AppendAsync(upload, new MemoryStream(_content[..100]), null, default));

        var skipped = await bed.RequestAsync<OciBlobUploads, OciResult<long>>(u => u.AppendAsync(upload, new MemoryStream(_content[200..300]), 200, default));

        Assert.Equal(OciError.RangeInvalid, skipped.Error);
        Assert.Equal(100, await bed.RequestAsync<OciBlobUploads, long>(u => u.OffsetAsync(upload, default)));
    }

    [Fact]
    public async Task Complete_WithAnotherDigest_StoresNothing()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var upload = await BeginAsync(bed);

        var completed = await bed.RequestAsync<OciBlobUploads, OciResult<BlobPutResult>>(
            u => u.CompleteAsync(upload, new MemoryStream(_content), null, Digest([1, 2, 3]), bed.Alice, default));

        Assert.Equal(OciError.DigestInvalid, completed.Error);
        await using var check = bed.Check();
        Assert.Empty(await check.Blobs.ToListAsync());
        Assert.Empty(await check.RepositoryBlobs.ToListAsync());
        Assert.Empty(StagedUploads(bed));
    }

    [Fact]
    public async Task Prune_RemovesExpiredUploadsWithTheirStagedBytes_AndKeepsLiveOnes()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var old = await BeginAsync(bed);
        await bed.RequestAsync<OciBlobUploads, OciResult<long>>(u => u.AppendAsync(old, new MemoryStream(_content[..100]), 0, default));
        bed.Time.Advance(TimeSpan.FromMinutes(40));
        var live = await BeginAsync(bed);
        await bed.RequestAsync<OciBlobUploads, OciResult<long>>(u => u.AppendAsync(live, new MemoryStream(_content[..100]), 0, default));
        bed.Time.Advance(TimeSpan.FromMinutes(30));

        var expiredBeforePruning = await bed.RequestAsync<OciBlobUploads, OciUpload?>(u => u.FindAsync(Container(bed), old.Id, default));
        var pruned = await bed.RequestAsync<OciBlobUploads, int>(u => u.PruneAsync(default));

        Assert.Null(expiredBeforePruning);
        Assert.Equal(1, pruned);
        Assert.Equal([live.Id.ToString("N")], StagedUploads(bed));
        Assert.Equal(100, await bed.RequestAsync<OciBlobUploads, long>(u => u.OffsetAsync(live, default)));
    }

    [Fact]
    public async Task LibraryPruning_RemovesStagedBytesNoOciUploadClaims_AndKeepsThoseOfLiveOnes()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var live = await BeginAsync(bed);
        await bed.RequestAsync<OciBlobUploads, OciResult<long>>(u => u.AppendAsync(live, new MemoryStream(_content[..100]), 0, default));
        var orphan = Directory.CreateDirectory(Path.Combine(bed.UploadRoot, Guid.NewGuid().ToString("N")));
        await File.WriteAllBytesAsync(Path.Combine(orphan.FullName, "data"), _content[..10]);

        var pruned = await bed.RequestAsync(u => u.PruneExpiredAsync());

        Assert.Equal(1, pruned.StagedUploads);
        Assert.Equal([live.Id.ToString("N")], StagedUploads(bed));
    }

    private static Task<OciUpload> BeginAsync(UploadTestBed bed) =>
        bed.RequestAsync<OciBlobUploads, OciUpload>(u => u.BeginAsync(Container(bed), bed.Alice, default));

    private static Container Container(UploadTestBed bed) => new() { Id = bed.ContainerId, Name = "bwa" };

    private static string[] StagedUploads(UploadTestBed bed) =>
        Directory.Exists(bed.UploadRoot) ? [.. Directory.GetDirectories(bed.UploadRoot).Select(Path.GetFileName).OfType<string>()] : [];

    private static BlobDigest Digest(byte[] bytes) => BlobDigest.FromHash(SHA256.HashData(bytes));
}
