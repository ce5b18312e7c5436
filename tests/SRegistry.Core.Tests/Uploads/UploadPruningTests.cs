using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Tests.Persistence;
using SRegistry.Core.Uploads;

namespace SRegistry.Core.Tests.Uploads;

[Collection(PostgresCollection.Name)]
public sealed class UploadPruningTests(PostgresFixture postgres, SifSamples sif) : IClassFixture<SifSamples>
{
    [Fact]
    public async Task Prune_RemovesExpiredUrlsAndKeepsLiveOnes()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        await bed.RequestAsync(u => u.BeginSinglePartAsync(imageId, sif.Amd64.Length, null, bed.Alice));
        bed.Time.Advance(TimeSpan.FromMinutes(10));
        var live = await bed.RequestAsync(u => u.BeginSinglePartAsync(imageId, sif.Amd64.Length, null, bed.Alice));
        bed.Time.Advance(TimeSpan.FromMinutes(6));

        var pruned = await bed.RequestAsync(u => u.PruneExpiredAsync());

        Assert.Equal(new PrunedUploads(1, 0), pruned);
        var stillWorks = await bed.RequestAsync(u => u.ReceiveAsync(live.Value!.Secret!, new MemoryStream(sif.Amd64), null));
        Assert.True(stillWorks.Succeeded, stillWorks.Message);
    }

    [Fact]
    public async Task Prune_ExpiredMultipartUpload_RemovesItsSessionsAndParts()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres, multipartPartSize: (sif.Amd64.Length / 3) + 1);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = (await bed.RequestAsync(u => u.BeginMultipartAsync(imageId, sif.Amd64.Length, bed.Alice))).Value!;
        var part = sif.Amd64[..(int)upload.PartSize];
        var ticket = await bed.RequestAsync(u => u.BeginPartAsync(imageId, upload.UploadId, 1, part.Length, null, bed.Alice));
        await bed.RequestAsync(u => u.ReceivePartAsync(ticket.Value!.Secret!, new MemoryStream(part)));
        Assert.NotEmpty(bed.UploadEntries());

        bed.Time.Advance(TimeSpan.FromMinutes(20));
        var early = await bed.RequestAsync(u => u.PruneExpiredAsync());
        bed.Time.Advance(TimeSpan.FromMinutes(20));
        var late = await bed.RequestAsync(u => u.PruneExpiredAsync());

        // After 20 minutes the part's URL has expired, but the upload (kept alive by its last part) and the received part stay.
        Assert.Equal(new PrunedUploads(0, 0), early);
        Assert.Equal(new PrunedUploads(1, 1), late);
        Assert.Empty(bed.UploadEntries());
        await using var db = bed.Check();
        Assert.False(await db.UploadSessions.AnyAsync());
    }

    [Fact]
    public async Task Prune_UnclaimedPartUrl_IsRemovedOnceExpired()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres, multipartPartSize: (sif.Amd64.Length / 3) + 1);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = (await bed.RequestAsync(u => u.BeginMultipartAsync(imageId, sif.Amd64.Length, bed.Alice))).Value!;
        await bed.RequestAsync(u => u.BeginPartAsync(imageId, upload.UploadId, 1, upload.PartSize, null, bed.Alice));
        bed.Time.Advance(TimeSpan.FromMinutes(20));

        var pruned = await bed.RequestAsync(u => u.PruneExpiredAsync());

        Assert.Equal(new PrunedUploads(1, 0), pruned);
        await using var db = bed.Check();
        Assert.Equal(upload.UploadId, (await db.UploadSessions.SingleAsync()).Id);
    }

    [Fact]
    public async Task Prune_PartDirectoryWithoutUpload_IsRemoved()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var orphan = Path.Combine(bed.UploadRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(orphan);
        await File.WriteAllBytesAsync(Path.Combine(orphan, "1"), [1, 2, 3]);

        var pruned = await bed.RequestAsync(u => u.PruneExpiredAsync());

        Assert.Equal(new PrunedUploads(0, 1), pruned);
        Assert.False(Directory.Exists(orphan));
    }
}
