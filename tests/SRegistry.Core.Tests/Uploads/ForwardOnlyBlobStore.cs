using SRegistry.Abstractions.Storage;
using SRegistry.Core.Tests.Sif;

namespace SRegistry.Core.Tests.Uploads;

/// <summary>A store whose reads cannot seek, like an object store answering HTTP ranges.</summary>
internal sealed class ForwardOnlyBlobStore(IBlobStore inner) : IBlobStore
{
    public Task<BlobPutResult> PutAsync(Stream content, BlobExpectation expected, CancellationToken cancellationToken) =>
        inner.PutAsync(content, expected, cancellationToken);

    public async Task<Stream?> OpenReadAsync(BlobDigest digest, long offset, long? length, CancellationToken cancellationToken)
    {
        await using var stream = await inner.OpenReadAsync(digest, offset, length, cancellationToken);
        if (stream is null) return null;
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return new NonSeekableStream(copy.ToArray());
    }

    public Task<BlobInfo?> GetInfoAsync(BlobDigest digest, CancellationToken cancellationToken) => inner.GetInfoAsync(digest, cancellationToken);

    public Task<bool> DeleteAsync(BlobDigest digest, CancellationToken cancellationToken) => inner.DeleteAsync(digest, cancellationToken);
}
