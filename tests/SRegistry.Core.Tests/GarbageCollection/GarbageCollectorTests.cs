using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.GarbageCollection;
using SRegistry.Core.Images;
using SRegistry.Core.Oci;
using SRegistry.Core.Tests.Persistence;
using SRegistry.Core.Tests.Uploads;

namespace SRegistry.Core.Tests.GarbageCollection;

[Collection(PostgresCollection.Name)]
public sealed class GarbageCollectorTests(PostgresFixture postgres, SifSamples sif) : IClassFixture<SifSamples>
{
    private static readonly TimeSpan PastGrace = TimeSpan.FromHours(2);
    private readonly byte[] orphan = RandomNumberGenerator.GetBytes(50_000);
    private HookedBlobStore? hooked;

    [Fact]
    public async Task Collect_DryRun_ReportsUnreferencedBlobAndDeletesNothing()
    {
        await using var bed = await CreateBedAsync();
        await PutAsync(bed, orphan);
        bed.Time.Advance(PastGrace);

        var report = await CollectAsync(bed, dryRun: true);

        var reported = Assert.Single(report.Blobs);
        Assert.Equal(Digest(orphan), reported.Digest);
        Assert.Equal(orphan.Length, report.Bytes);
        Assert.True(await ExistsAsync(bed, Digest(orphan)));
        Assert.Single(bed.BlobFiles());
    }

    [Fact]
    public async Task Collect_DeletesUnreferencedBlobsAndExpiredUploads_KeepsReferencedContent()
    {
        await using var bed = await CreateBedAsync();
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await bed.RequestAsync(u => u.BeginSinglePartAsync(imageId, sif.Amd64.Length, null, bed.Alice));
        Assert.True((await bed.RequestAsync(u => u.ReceiveAsync(ticket.Value!.Secret!, new MemoryStream(sif.Amd64), null))).Succeeded);
        var linked = RandomNumberGenerator.GetBytes(1000);
        await PutAsync(bed, linked);
        await bed.RequestAsync<OciBlobs, bool>(b => b.LinkAsync(bed.ContainerId, Digest(linked), default));
        await PutAsync(bed, orphan);
        var waiting = await bed.CreateImageAsync(sif.Arm64);
        await bed.RequestAsync(u => u.BeginSinglePartAsync(waiting, sif.Arm64.Length, null, bed.Alice));
        bed.Time.Advance(PastGrace);

        var report = await CollectAsync(bed, dryRun: false);

        Assert.Equal([Digest(orphan)], report.Blobs.Select(b => b.Digest));
        Assert.Equal(2, report.ExpiredUploads); // the used upload URL and the unused one
        Assert.False(await ExistsAsync(bed, Digest(orphan)));
        Assert.Equal(2, bed.BlobFiles().Length);
        Assert.Equal(SifSamples.Sha256(sif.Amd64), await ReadSha256Async(bed, Digest(sif.Amd64)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(linked)), await ReadSha256Async(bed, Digest(linked)));
        await using var db = bed.Check();
        Assert.False(await db.UploadSessions.AnyAsync());
    }

    [Fact]
    public async Task Collect_BlobWithinGracePeriod_IsSpared()
    {
        await using var bed = await CreateBedAsync();
        await PutAsync(bed, orphan);
        bed.Time.Advance(TimeSpan.FromMinutes(30));

        var report = await CollectAsync(bed, dryRun: false);

        Assert.Empty(report.Blobs);
        Assert.True(await ExistsAsync(bed, Digest(orphan)));
    }

    [Fact]
    public async Task Collect_UnrecordedBytesInStore_AreDeleted()
    {
        await using var bed = await CreateBedAsync();
        await PutUnrecordedAsync(bed, orphan);

        var report = await CollectAsync(bed, dryRun: false);

        var collected = Assert.Single(report.Blobs);
        Assert.False(collected.Recorded);
        Assert.Empty(bed.BlobFiles());
    }

    [Fact]
    public async Task AnnouncedPush_RacingCollectionOfTheSameOldBlob_KeepsIt()
    {
        await using var bed = await CreateBedAsync();
        await PutAsync(bed, orphan);
        bed.Time.Advance(PastGrace);
        var gate = new Gate();
        hooked!.AfterPut = _ => gate.PassAsync();

        // The push has found the bytes present and not yet recorded them when the collection runs.
        var push = bed.RequestAsync<ImageStore, BlobPutResult>(s => s.PutAsync(new MemoryStream(orphan), new BlobExpectation(Digest(orphan), orphan.Length), Actor.System, default));
        await gate.Arrived;
        hooked.AfterPut = null;
        var report = await CollectAsync(bed, dryRun: false);
        gate.Release();
        var pushed = await push;
        await bed.RequestAsync<OciBlobs, bool>(b => b.LinkAsync(bed.ContainerId, Digest(orphan), default));

        Assert.Empty(report.Blobs);
        Assert.Equal(BlobPutOutcome.AlreadyPresent, pushed.Outcome);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(orphan)), await ReadSha256Async(bed, Digest(orphan)));
        await AssertNothingDanglesAsync(bed);
    }

    [Fact]
    public async Task UnannouncedPush_WhoseBytesAreCollectedMidway_RecordsNothingAndSucceedsWhenRepeated()
    {
        await using var bed = await CreateBedAsync();
        await PutUnrecordedAsync(bed, orphan);
        var gate = new Gate();
        hooked!.AfterPut = _ => gate.PassAsync();

        var push = bed.RequestAsync<ImageStore, BlobPutResult>(s => s.PutAsync(new MemoryStream(orphan), BlobExpectation.None, Actor.System, default));
        await gate.Arrived;
        hooked.AfterPut = null;
        var report = await CollectAsync(bed, dryRun: false);
        gate.Release();

        Assert.Single(report.Blobs);
        await Assert.ThrowsAsync<BlobCollectedException>(() => push);
        await AssertNothingDanglesAsync(bed);
        await using (var db = bed.Check()) Assert.False(await db.Blobs.AnyAsync());
        var again = await bed.RequestAsync<ImageStore, BlobPutResult>(s => s.PutAsync(new MemoryStream(orphan), BlobExpectation.None, Actor.System, default));
        Assert.Equal(BlobPutOutcome.Stored, again.Outcome);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(orphan)), await ReadSha256Async(bed, Digest(orphan)));
    }

    [Fact]
    public async Task Reference_AddedWhileCollectionDeletesItsBlob_WaitsForItAndFails()
    {
        await using var bed = await CreateBedAsync();
        await PutAsync(bed, orphan);
        bed.Time.Advance(PastGrace);
        var gate = new Gate();
        hooked!.AfterDelete = _ => gate.PassAsync();

        // The collector holds the lock, its row delete uncommitted and the bytes gone, when a manifest push links the blob.
        var collection = CollectAsync(bed, dryRun: false);
        await gate.Arrived;
        hooked.AfterDelete = null;
        var link = bed.RequestAsync<OciBlobs, bool>(b => b.LinkAsync(bed.ContainerId, Digest(orphan), default));
        await WaitForLockWaiterAsync(bed);
        gate.Release();

        Assert.Single((await collection).Blobs);
        Assert.False(await link, "linking a collected blob is refused, not a server error");
        await AssertNothingDanglesAsync(bed);
        await using var db = bed.Check();
        Assert.False(await db.RepositoryBlobs.AnyAsync());
    }

    private async Task<UploadTestBed> CreateBedAsync() =>
        await UploadTestBed.CreateAsync(postgres, wrapStore: store => hooked = new HookedBlobStore(store));

    private static Task<GarbageCollectionReport> CollectAsync(UploadTestBed bed, bool dryRun) =>
        bed.RequestAsync<GarbageCollector, GarbageCollectionReport>(c => c.RunAsync(dryRun, default));

    private static Task<BlobPutResult> PutAsync(UploadTestBed bed, byte[] content) =>
        bed.RequestAsync<ImageStore, BlobPutResult>(s => s.PutAsync(new MemoryStream(content), BlobExpectation.None, Actor.System, default));

    // Bytes a put published and never recorded (its process died), published long ago.
    private async Task PutUnrecordedAsync(UploadTestBed bed, byte[] content)
    {
        await hooked!.PutAsync(new MemoryStream(content), BlobExpectation.None, default);
        File.SetLastWriteTimeUtc(Assert.Single(bed.BlobFiles()), bed.Time.GetUtcNow().UtcDateTime - PastGrace);
    }

    private static Task<bool> ExistsAsync(UploadTestBed bed, BlobDigest digest) =>
        bed.RequestAsync<ImageStore, bool>(s => s.ExistsAsync(digest, default));

    private static Task<string> ReadSha256Async(UploadTestBed bed, BlobDigest digest) =>
        bed.RequestAsync<ImageStore, string>(async s =>
        {
            await using var stream = await s.OpenReadAsync(digest, 0, null, default) ?? throw new InvalidOperationException($"{digest} cannot be read");
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        });

    // Every recorded blob has its bytes, and every reference names a recorded blob.
    private async Task AssertNothingDanglesAsync(UploadTestBed bed)
    {
        await using var db = bed.Check();
        var recorded = await db.Blobs.Select(b => b.Digest).ToListAsync();
        foreach (var digest in recorded)
            Assert.NotNull(await hooked!.GetInfoAsync(BlobDigest.Parse(digest), default));
        var referenced = await db.Images.Where(i => i.Uploaded).Select(i => i.Digest)
            .Concat(db.RepositoryBlobs.Select(b => b.Digest))
            .Concat(db.ManifestReferences.Where(r => !r.IsManifest).Select(r => r.Digest))
            .ToListAsync();
        Assert.All(referenced, digest => Assert.Contains(digest, recorded));
    }

    // The link's trigger waits for the blob lock the collector holds; pg_locks shows the waiter.
    private static async Task WaitForLockWaiterAsync(UploadTestBed bed)
    {
        await using var connection = new NpgsqlConnection(bed.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", connection);
        var giveUp = DateTime.UtcNow.AddMinutes(1);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            Assert.True(DateTime.UtcNow < giveUp, "the reference never waited for the collector's lock");
            await Task.Delay(20);
        }
    }

    private static BlobDigest Digest(byte[] content) => BlobDigest.FromHash(SHA256.HashData(content));
}
