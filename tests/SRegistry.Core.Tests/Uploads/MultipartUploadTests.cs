using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Tests.Persistence;
using SRegistry.Core.Uploads;

namespace SRegistry.Core.Tests.Uploads;

[Collection(PostgresCollection.Name)]
public sealed class MultipartUploadTests(PostgresFixture postgres, SifSamples sif) : IClassFixture<SifSamples>
{
    [Fact]
    public async Task Complete_ThreeParts_AssemblesTheImageAndRemovesTheParts()
    {
        await using var bed = await ThreePartBedAsync();
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = await BeginAsync(bed, imageId);

        var completed = new List<CompletedPart>();
        foreach (var (number, bytes) in Parts(upload))
        {
            var received = await SendPartAsync(bed, imageId, upload, number, bytes);
            Assert.True(received.Succeeded, received.Message);
            completed.Add(new CompletedPart(number, $"\"{received.Value.Token}\""));
        }
        var result = await bed.RequestAsync(u => u.CompleteMultipartAsync(imageId, upload.UploadId, completed, bed.Alice));

        Assert.Equal(3, upload.TotalParts);
        Assert.True(result.Succeeded, result.Message);
        var image = await bed.LoadImageAsync(imageId);
        Assert.True(image.Uploaded);
        Assert.Equal(SifSamples.Definition, image.DefinitionFile);
        var stored = Assert.Single(bed.BlobFiles());
        Assert.Equal(SifSamples.Sha256(sif.Amd64), Path.GetFileName(stored));
        Assert.Equal(sif.Amd64, await File.ReadAllBytesAsync(stored));
        Assert.Empty(bed.UploadEntries());
        await using var db = bed.Check();
        Assert.False(await db.UploadSessions.AnyAsync());
    }

    [Fact]
    public async Task Complete_Twice_SecondFindsNoUpload()
    {
        await using var bed = await ThreePartBedAsync();
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = await BeginAsync(bed, imageId);
        var completed = await SendPartsAsync(bed, imageId, upload, Parts(upload));
        await bed.RequestAsync(u => u.CompleteMultipartAsync(imageId, upload.UploadId, completed, bed.Alice));

        var again = await bed.RequestAsync(u => u.CompleteMultipartAsync(imageId, upload.UploadId, completed, bed.Alice));

        Assert.Equal(RegistryError.NotFound, again.Error);
        Assert.True((await bed.LoadImageAsync(imageId)).Uploaded);
    }

    [Fact]
    public async Task ReceivePart_WrongSha256_IsDigestMismatch_AndTheUploadCompletesOnlyOnceThePartIsSentAgain()
    {
        await using var bed = await ThreePartBedAsync();
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = await BeginAsync(bed, imageId);
        var (number, bytes) = Parts(upload).First();
        var ticket = await bed.RequestAsync(u => u.BeginPartAsync(imageId, upload.UploadId, number, bytes.Length, SifSamples.Sha256(bytes), bed.Alice));

        var result = await bed.RequestAsync(u => u.ReceivePartAsync(ticket.Value!.Secret!, new MemoryStream(WithLastByteFlipped(bytes))));
        List<CompletedPart> completed = [new(number, "a token the client made up"), .. await SendPartsAsync(bed, imageId, upload, Parts(upload).Skip(1))];
        var withoutThePart = await bed.RequestAsync(u => u.CompleteMultipartAsync(imageId, upload.UploadId, completed, bed.Alice));

        Assert.Equal(RegistryError.DigestMismatch, result.Error);
        Assert.Equal(RegistryError.Conflict, withoutThePart.Error);
        Assert.Contains($"Part {number} of 3 did not arrive", withoutThePart.Message, StringComparison.Ordinal);
        Assert.False((await bed.LoadImageAsync(imageId)).Uploaded);
        Assert.Empty(bed.BlobFiles());
    }

    [Fact]
    public async Task Complete_PartsSentWithoutTheirSha256_OneChangedOnTheWay_IsDigestMismatch_AndStoresNothing()
    {
        // What clients do now that the door answers s3compliant "false": the image's sha256 is the only check.
        await using var bed = await ThreePartBedAsync();
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = await BeginAsync(bed, imageId);
        var changed = Parts(upload).Select(p => (p.Number, p.Number == 2 ? WithLastByteFlipped(p.Bytes) : p.Bytes));
        var completed = await SendPartsAsync(bed, imageId, upload, changed, declareSha256: false);

        var result = await bed.RequestAsync(u => u.CompleteMultipartAsync(imageId, upload.UploadId, completed, bed.Alice));

        Assert.Equal(RegistryError.DigestMismatch, result.Error);
        await bed.AssertNothingStoredAsync(imageId);
        Assert.Empty(bed.UploadEntries());
    }

    [Fact]
    public async Task BeginPart_SizeOtherThanTheLayouts_IsSizeMismatch()
    {
        await using var bed = await ThreePartBedAsync();
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = await BeginAsync(bed, imageId);

        var result = await bed.RequestAsync(u => u.BeginPartAsync(imageId, upload.UploadId, 1, upload.PartSize - 1, null, bed.Alice));

        Assert.Equal(RegistryError.SizeMismatch, result.Error);
    }

    [Fact]
    public async Task Complete_WithAMissingPart_IsRefusedAndDropsTheUpload()
    {
        await using var bed = await ThreePartBedAsync();
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = await BeginAsync(bed, imageId);
        var completed = await SendPartsAsync(bed, imageId, upload, Parts(upload).Take(2));

        var result = await bed.RequestAsync(u => u.CompleteMultipartAsync(imageId, upload.UploadId, completed, bed.Alice));

        Assert.Equal(RegistryError.Conflict, result.Error);
        Assert.Contains("Part 3 of 3", result.Message, StringComparison.Ordinal);
        await bed.AssertNothingStoredAsync(imageId);
        Assert.Empty(bed.UploadEntries());
        await using var db = bed.Check();
        Assert.False(await db.UploadSessions.AnyAsync());
    }

    [Fact]
    public async Task Complete_WithAWrongToken_IsRefused()
    {
        await using var bed = await ThreePartBedAsync();
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = await BeginAsync(bed, imageId);
        var completed = await SendPartsAsync(bed, imageId, upload, Parts(upload));
        completed[1] = completed[1] with { Token = new string('0', 64) };

        var result = await bed.RequestAsync(u => u.CompleteMultipartAsync(imageId, upload.UploadId, completed, bed.Alice));

        Assert.Equal(RegistryError.Conflict, result.Error);
        await bed.AssertNothingStoredAsync(imageId);
    }

    [Fact]
    public async Task Complete_ListingATokenFromBeforeThePartWasSentAgain_IsRefused()
    {
        await using var bed = await ThreePartBedAsync();
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = await BeginAsync(bed, imageId);
        var completed = await SendPartsAsync(bed, imageId, upload, Parts(upload), declareSha256: false);
        var (number, bytes) = Parts(upload).ElementAt(1);
        var again = await SendPartAsync(bed, imageId, upload, number, bytes, declareSha256: false);

        var result = await bed.RequestAsync(u => u.CompleteMultipartAsync(imageId, upload.UploadId, completed, bed.Alice));

        Assert.True(again.Succeeded, again.Message);
        Assert.NotEqual(completed[1].Token, again.Value.Token);
        Assert.Equal(RegistryError.Conflict, result.Error);
        Assert.Contains("token of part 2 ", result.Message, StringComparison.Ordinal);
        await bed.AssertNothingStoredAsync(imageId);
    }

    [Fact]
    public async Task Abort_RemovesPartsAndTheUpload()
    {
        await using var bed = await ThreePartBedAsync();
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = await BeginAsync(bed, imageId);
        await SendPartsAsync(bed, imageId, upload, Parts(upload).Take(2));
        Assert.NotEmpty(bed.UploadEntries());

        var result = await bed.RequestAsync(u => u.AbortMultipartAsync(imageId, upload.UploadId, bed.Alice));
        var late = await bed.RequestAsync(u => u.BeginPartAsync(imageId, upload.UploadId, 3, sif.Amd64.Length - (2 * upload.PartSize), null, bed.Alice));

        Assert.True(result.Succeeded, result.Message);
        Assert.Empty(bed.UploadEntries());
        Assert.Equal(RegistryError.NotFound, late.Error);
        await using var db = bed.Check();
        Assert.False(await db.UploadSessions.AnyAsync());
    }

    [Fact]
    public async Task Abort_BySomeoneWithoutPushRights_IsForbiddenAndKeepsTheUpload()
    {
        await using var bed = await ThreePartBedAsync();
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var upload = await BeginAsync(bed, imageId);

        var result = await bed.RequestAsync(u => u.AbortMultipartAsync(imageId, upload.UploadId, bed.Bob));

        Assert.Equal(RegistryError.Forbidden, result.Error);
        await using var db = bed.Check();
        Assert.True(await db.UploadSessions.AnyAsync(s => s.Id == upload.UploadId));
    }

    [Fact]
    public void Layout_LargeFile_StaysWithinTenThousandParts()
    {
        var partSize = MultipartLayout.PartSizeFor(1L << 40, 64L << 20);

        Assert.Equal(64L << 20, MultipartLayout.PartSizeFor(1L << 30, 64L << 20));
        Assert.True((1L << 40) / partSize <= 10_000);
    }

    // A part size that splits the sample image into three parts, the last one shorter.
    private async Task<UploadTestBed> ThreePartBedAsync() =>
        await UploadTestBed.CreateAsync(postgres, multipartPartSize: (sif.Amd64.Length / 3) + 1);

    private async Task<MultipartUploadTicket> BeginAsync(UploadTestBed bed, long imageId)
    {
        var result = await bed.RequestAsync(u => u.BeginMultipartAsync(imageId, sif.Amd64.Length, bed.Alice));
        Assert.True(result.Succeeded, result.Message);
        return result.Value;
    }

    private IEnumerable<(int Number, byte[] Bytes)> Parts(MultipartUploadTicket upload) =>
        sif.Amd64.Chunk((int)upload.PartSize).Select((bytes, index) => (index + 1, bytes));

    private static byte[] WithLastByteFlipped(byte[] bytes)
    {
        var changed = bytes.ToArray();
        changed[^1] ^= 0xff;
        return changed;
    }

    // Sends the parts in order; returns what completes the upload with them.
    private static async Task<List<CompletedPart>> SendPartsAsync(
        UploadTestBed bed, long imageId, MultipartUploadTicket upload, IEnumerable<(int Number, byte[] Bytes)> parts, bool declareSha256 = true)
    {
        var completed = new List<CompletedPart>();
        foreach (var (number, bytes) in parts)
        {
            var received = await SendPartAsync(bed, imageId, upload, number, bytes, declareSha256);
            Assert.True(received.Succeeded, received.Message);
            completed.Add(new CompletedPart(number, received.Value.Token));
        }
        return completed;
    }

    private static async Task<RegistryResult<ReceivedPart>> SendPartAsync(
        UploadTestBed bed, long imageId, MultipartUploadTicket upload, int number, byte[] bytes, bool declareSha256 = true)
    {
        var declared = declareSha256 ? SifSamples.Sha256(bytes) : null;
        var ticket = await bed.RequestAsync(u => u.BeginPartAsync(imageId, upload.UploadId, number, bytes.Length, declared, bed.Alice));
        Assert.True(ticket.Succeeded, ticket.Message);
        return await bed.RequestAsync(u => u.ReceivePartAsync(ticket.Value.Secret!, new MemoryStream(bytes)));
    }
}
