using SRegistry.Abstractions.Storage;
using SRegistry.Core.Tests.Storage;
using SRegistry.Storage.S3.Tests.Moto;

namespace SRegistry.Storage.S3.Tests;

/// <summary>The blob-store contract on a real S3 endpoint (moto_server), each test under its own prefix.</summary>
[Collection(MotoCollection.Name)]
public sealed class S3BlobStoreTests(MotoFixture moto) : BlobStoreContract
{
    private readonly string _prefix = "t-" + Guid.NewGuid().ToString("N") + "/";

    protected override IBlobStore CreateStore() => new S3BlobStore(S3ClientFactory.Create(moto.Server.OptionsFor(_prefix)), moto.Server.OptionsFor(_prefix));

    protected override async Task<int> CountTemporaryObjectsAsync()
    {
        var (keys, uploads) = await moto.Server.ListAsync(_prefix);
        return keys.Count(k => k.StartsWith(_prefix + "tmp/", StringComparison.Ordinal)) + uploads;
    }

    protected override async Task<int> CountBlobObjectsAsync() =>
        (await moto.Server.ListAsync(_prefix + "blobs/")).Keys.Count;
}
