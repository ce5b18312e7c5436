using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Tests.GarbageCollection;

/// <summary>
/// A blob store that can stop a put right after the inner store answered, or a delete right after the
/// inner store deleted, until the test lets it go: rendezvous points for racing a push against a collection.
/// </summary>
internal sealed class HookedBlobStore(IBlobStore inner) : IBlobStore, IBlobInventory
{
    /// <summary>Awaited after the inner put returned (bytes published or found present, not yet recorded).</summary>
    public Func<BlobPutResult, Task>? AfterPut { get; set; }

    /// <summary>Awaited after the inner delete removed the bytes (the collector still holds its lock).</summary>
    public Func<BlobDigest, Task>? AfterDelete { get; set; }

    public async Task<BlobPutResult> PutAsync(Stream content, BlobExpectation expected, CancellationToken cancellationToken)
    {
        var result = await inner.PutAsync(content, expected, cancellationToken);
        if (AfterPut is { } hook) await hook(result);
        return result;
    }

    public Task<Stream?> OpenReadAsync(BlobDigest digest, long offset, long? length, CancellationToken cancellationToken) =>
        inner.OpenReadAsync(digest, offset, length, cancellationToken);

    public Task<BlobInfo?> GetInfoAsync(BlobDigest digest, CancellationToken cancellationToken) => inner.GetInfoAsync(digest, cancellationToken);

    public async Task<bool> DeleteAsync(BlobDigest digest, CancellationToken cancellationToken)
    {
        var deleted = await inner.DeleteAsync(digest, cancellationToken);
        if (AfterDelete is { } hook) await hook(digest);
        return deleted;
    }

    public IAsyncEnumerable<BlobInfo> ListAsync(CancellationToken cancellationToken) => ((IBlobInventory)inner).ListAsync(cancellationToken);
}
