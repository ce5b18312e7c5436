using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Tests.Images;
using SRegistry.Core.Tests.Persistence;
using SRegistry.Core.Tests.Sif;
using SRegistry.Core.Uploads;

namespace SRegistry.Core.Tests.Uploads;

[Collection(PostgresCollection.Name)]
public sealed class SinglePartUploadTests(PostgresFixture postgres, SifSamples sif) : IClassFixture<SifSamples>
{
    [Fact]
    public async Task Receive_MatchingSif_MarksImageUploadedWithItsMetadata()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64, labels: ("stale", "gone"));
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);

        var result = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64), sif.Amd64.Length));

        Assert.True(result.Succeeded, result.Message);
        var image = await bed.LoadImageAsync(imageId);
        Assert.True(image.Uploaded);
        Assert.Equal(sif.Amd64.Length, image.Size);
        Assert.Equal(bed.Time.GetUtcNow(), image.UploadedAt);
        Assert.Equal(SifSamples.Definition, image.DefinitionFile);
        Assert.True(image.Signed);
        Assert.Equal([SifSamples.Fingerprint], image.Fingerprints);
        Assert.False(image.Encrypted);
        Assert.Equal(
            new Dictionary<string, string> { ["org.label-schema.build-arch"] = "amd64", ["MAINTAINER"] = "alice" },
            image.Labels.ToDictionary(l => l.Key, l => l.Value));
        var stored = Assert.Single(bed.BlobFiles());
        Assert.Equal(SifSamples.Sha256(sif.Amd64), Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(stored))));
        await using var db = bed.Check();
        Assert.Equal(UploadAuditActions.ImageUpload, (await db.AuditEvents.SingleAsync(e => e.Action == UploadAuditActions.ImageUpload)).Action);
    }

    [Fact]
    public async Task Begin_GivesUnguessableExpiringSecretAndStoresOnlyItsHash()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);

        var ticket = await BeginAsync(bed, imageId, sif.Amd64);

        Assert.False(ticket.AlreadyUploaded);
        Assert.Equal(43, ticket.Secret!.Length);
        Assert.Equal(bed.Time.GetUtcNow() + TimeSpan.FromMinutes(15), ticket.ExpiresAt);
        await using var db = bed.Check();
        var session = await db.UploadSessions.SingleAsync();
        Assert.Equal(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ticket.Secret)), session.SecretHash);
    }

    [Fact]
    public async Task Begin_DeclaredShaDiffersFromImage_IsConflict()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);

        var result = await bed.RequestAsync(u => u.BeginSinglePartAsync(imageId, sif.Amd64.Length, SifSamples.Sha256(sif.Arm64), bed.Alice));

        Assert.Equal(RegistryError.Conflict, result.Error);
    }

    [Fact]
    public async Task Begin_ImageAlreadyUploaded_SaysNoUploadIsNeeded()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);
        await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64), null));

        var again = await BeginAsync(bed, imageId, sif.Amd64);

        Assert.True(again.AlreadyUploaded);
    }

    [Fact]
    public async Task Receive_WrongContent_IsDigestMismatchAndStoresNothing()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);
        var other = new byte[sif.Amd64.Length];

        var result = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(other), other.Length));

        Assert.Equal(RegistryError.DigestMismatch, result.Error);
        await bed.AssertNothingStoredAsync(imageId);
    }

    [Fact]
    public async Task Receive_TruncatedBody_IsSizeMismatchAndStoresNothing()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);

        var result = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64[..^100]), null));

        Assert.Equal(RegistryError.SizeMismatch, result.Error);
        await bed.AssertNothingStoredAsync(imageId);
    }

    [Fact]
    public async Task Receive_ConnectionDropsMidway_IsSizeMismatchAndStoresNothing()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);

        var result = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new BrokenStream(1000), null));

        Assert.Equal(RegistryError.SizeMismatch, result.Error);
        Assert.Contains("1000 bytes", result.Message, StringComparison.Ordinal);
        await bed.AssertNothingStoredAsync(imageId);
    }

    [Fact]
    public async Task Receive_ContentLengthDiffersFromDeclaredSize_IsRefusedWithoutSpendingTheUrl()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);

        var wrong = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64), sif.Amd64.Length + 1));
        var right = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64), sif.Amd64.Length));

        Assert.Equal(RegistryError.SizeMismatch, wrong.Error);
        Assert.True(right.Succeeded, right.Message);
    }

    [Fact]
    public async Task Receive_ExpiredSecret_IsNotFound()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);
        bed.Time.Advance(TimeSpan.FromMinutes(15));

        var result = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64), null));

        Assert.Equal(RegistryError.NotFound, result.Error);
        await bed.AssertNothingStoredAsync(imageId);
    }

    [Fact]
    public async Task Receive_SecretUsedTwice_SecondIsNotFound()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);
        var first = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64), null));

        var second = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64), null));

        Assert.True(first.Succeeded, first.Message);
        Assert.Equal(RegistryError.NotFound, second.Error);
    }

    [Fact]
    public async Task Receive_SameSecretTwiceAtOnce_ExactlyOneIsAccepted()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64), null)))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(RegistryError.NotFound, r.Error));
    }

    [Fact]
    public async Task Receive_SecretOfAFailedUpload_CannotBeUsedAgain()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);
        await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new BrokenStream(10), null));

        var retry = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64), null));

        Assert.Equal(RegistryError.NotFound, retry.Error);
        await bed.AssertNothingStoredAsync(imageId);
    }

    [Fact]
    public async Task Receive_UnknownSecret_IsNotFound()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);

        var junk = await bed.RequestAsync(u => u.ReceiveAsync("not-a-secret", new MemoryStream(sif.Amd64), null));
        var wellFormed = await bed.RequestAsync(u => u.ReceiveAsync(new string('A', 43), new MemoryStream(sif.Amd64), null));

        Assert.Equal(RegistryError.NotFound, junk.Error);
        Assert.Equal(RegistryError.NotFound, wellFormed.Error);
    }

    [Fact]
    public async Task Begin_SomeoneElsesPublicImage_IsForbidden()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);

        var result = await bed.RequestAsync(u => u.BeginSinglePartAsync(imageId, sif.Amd64.Length, null, bed.Bob));

        Assert.Equal(RegistryError.Forbidden, result.Error);
    }

    [Fact]
    public async Task Begin_SomeoneElsesPrivateImage_IsNotFound()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64, containerId: bed.PrivateContainerId);

        var result = await bed.RequestAsync(u => u.BeginSinglePartAsync(imageId, sif.Amd64.Length, null, bed.Bob));

        Assert.Equal(RegistryError.NotFound, result.Error);
    }

    [Fact]
    public async Task Receive_SifForAnotherArchitecture_IsConflictAndImageStaysNotUploaded()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Arm64, arch: "amd64");
        var ticket = await BeginAsync(bed, imageId, sif.Arm64);

        var result = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Arm64), null));

        Assert.Equal(RegistryError.Conflict, result.Error);
        Assert.Contains("arm64", result.Message, StringComparison.Ordinal);
        Assert.False((await bed.LoadImageAsync(imageId)).Uploaded);
    }

    [Fact]
    public async Task Receive_ImageWithoutArch_TakesTheSifArchitecture()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Arm64, arch: "");
        var ticket = await BeginAsync(bed, imageId, sif.Arm64);

        var result = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Arm64), null));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("arm64", (await bed.LoadImageAsync(imageId)).Arch);
    }

    [Fact]
    public async Task Receive_NotASif_IsInvalidContentAndImageStaysNotUploaded()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var tarball = RandomNumberGenerator.GetBytes(50_000);
        var imageId = await bed.CreateImageAsync(tarball);
        var ticket = await BeginAsync(bed, imageId, tarball);

        var result = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(tarball), null));

        Assert.Equal(RegistryError.InvalidContent, result.Error);
        Assert.Contains("SIF", result.Message, StringComparison.Ordinal);
        Assert.False((await bed.LoadImageAsync(imageId)).Uploaded);
    }

    [Fact]
    public async Task Receive_LabelsWithNulCharacters_AreRecordedWithoutThem()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        using var builder = new SifImageBuilder();
        var content = await File.ReadAllBytesAsync(await builder.WithLabels("""{"a\u0000b":"c\u0000d"}""").WithPrimaryPartition(2).BuildAsync());
        var imageId = await bed.CreateImageAsync(content);
        var ticket = await BeginAsync(bed, imageId, content);

        var result = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(content), null));

        Assert.True(result.Succeeded, result.Message);
        var label = Assert.Single((await bed.LoadImageAsync(imageId)).Labels);
        Assert.Equal(("ab", "cd"), (label.Key, label.Value));
    }

    [Fact]
    public async Task Receive_StoreWithForwardOnlyReads_StillRecordsSifMetadata()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres, wrapStore: store => new ForwardOnlyBlobStore(store));
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);

        var result = await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64), null));

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(SifSamples.Definition, (await bed.LoadImageAsync(imageId)).DefinitionFile);
    }

    [Fact]
    public async Task Complete_AfterUpload_ReportsTheEntitysUsage()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);
        var ticket = await BeginAsync(bed, imageId, sif.Amd64);
        var before = await bed.RequestAsync(u => u.CompleteAsync(imageId, bed.Alice));
        await bed.RequestAsync(u => u.ReceiveAsync(ticket.Secret!, new MemoryStream(sif.Amd64), null));

        var after = await bed.RequestAsync(u => u.CompleteAsync(imageId, bed.Alice));

        Assert.Equal(RegistryError.Conflict, before.Error);
        Assert.True(after.Succeeded, after.Message);
        Assert.Equal(sif.Amd64.Length, after.Value.Quota.UsedBytes);
        Assert.Null(after.Value.Quota.QuotaBytes);
    }

    [Fact]
    public async Task ReceiveDirect_OwnersImage_IsUploaded()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);

        var result = await bed.RequestAsync(u => u.ReceiveDirectAsync(imageId, new MemoryStream(sif.Amd64), sif.Amd64.Length, bed.Alice));

        Assert.True(result.Succeeded, result.Message);
        Assert.True((await bed.LoadImageAsync(imageId)).Uploaded);
    }

    [Fact]
    public async Task ReceiveDirect_SomeoneElsesImage_IsForbiddenAndStoresNothing()
    {
        await using var bed = await UploadTestBed.CreateAsync(postgres);
        var imageId = await bed.CreateImageAsync(sif.Amd64);

        var result = await bed.RequestAsync(u => u.ReceiveDirectAsync(imageId, new MemoryStream(sif.Amd64), sif.Amd64.Length, bed.Bob));

        Assert.Equal(RegistryError.Forbidden, result.Error);
        await bed.AssertNothingStoredAsync(imageId);
    }

    private static async Task<UploadTicket> BeginAsync(UploadTestBed bed, long imageId, byte[] content)
    {
        var result = await bed.RequestAsync(u => u.BeginSinglePartAsync(imageId, content.Length, SifSamples.Sha256(content), bed.Alice));
        Assert.True(result.Succeeded, result.Message);
        return result.Value;
    }
}
