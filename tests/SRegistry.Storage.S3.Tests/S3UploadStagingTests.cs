using SRegistry.Abstractions.Storage;
using SRegistry.Core.Tests.Storage;
using SRegistry.Storage.S3.Tests.Moto;

namespace SRegistry.Storage.S3.Tests;

/// <summary>The upload-staging contract on a real S3 endpoint (moto_server): uploads staged in the bucket, each test under its own prefix.</summary>
[Collection(MotoCollection.Name)]
public sealed class S3UploadStagingTests(MotoFixture moto) : UploadStagingContract
{
    private readonly string _prefix = "t-" + Guid.NewGuid().ToString("N") + "/";

    protected override (IUploadStaging Staging, IBlobStore Store) Create()
    {
        var store = new S3BlobStore(S3ClientFactory.Create(moto.Server.OptionsFor(_prefix)), moto.Server.OptionsFor(_prefix));
        return (store, store);
    }

    [Fact]
    public async Task Publish_LeavesThePiecesForTheCallerToDelete_AndDeleteEmptiesTheUploadsFolder()
    {
        var upload = Guid.NewGuid();
        var content = PseudoRandomStream.Bytes(1000, seed: 31);
        await Staging.WriteAsync(upload, 0, new MemoryStream(content[..600]), 600, digestPiece: false, CancellationToken.None);
        await Staging.WriteAsync(upload, 600, new MemoryStream(content[600..]), 400, digestPiece: false, CancellationToken.None);
        Assert.Equal(2, (await moto.Server.ListAsync(_prefix + "uploads/")).Keys.Count);

        var published = await Staging.PublishAsync(upload, content.Length, new BlobExpectation(DigestOf(content)), CancellationToken.None);
        await Staging.DeleteAsync(upload, CancellationToken.None);

        Assert.Equal(BlobPutOutcome.Stored, published.Outcome);
        Assert.Empty((await moto.Server.ListAsync(_prefix + "uploads/")).Keys);
        Assert.Single((await moto.Server.ListAsync(_prefix + "blobs/")).Keys);
    }
}
