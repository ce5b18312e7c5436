using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.S3.Model;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Storage.S3;

/// <summary>
/// Unfinished uploads staged in the bucket, so every instance on it can continue them: each piece is
/// an object <c>uploads/&lt;upload id&gt;/&lt;offset&gt;</c>, streamed like a blob (at most two parts in
/// memory). Publishing streams the pieces that tile the upload through <see cref="PutAsync"/>, which
/// hashes and verifies them; S3 reads are consistent, so a piece replaced meanwhile can only fail the
/// digest check, never publish wrong bytes. Objects left by a crash are found by <see cref="ListAsync"/>.
/// </summary>
public sealed partial class S3BlobStore : IUploadStaging
{
    /// <inheritdoc />
    /// <remarks>Every piece is hashed, whatever <paramref name="digestPiece"/> says: a streamed upload always is.</remarks>
    public async Task<StagedPiece> WriteAsync(Guid uploadId, long offset, Stream content, long sizeLimit, bool digestPiece, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var key = _keys.StagedPiece(uploadId, offset);
        using var upload = await S3StreamedUpload.ReceiveAsync(_bucket, content, PartSizeFor(null), sizeLimit, key, cancellationToken).ConfigureAwait(false);
        try
        {
            if (upload.Size > sizeLimit)
                return new StagedPiece(upload.Digest, upload.Size);
            if (upload.UploadId is null)
            {
                using var body = new MemoryStream(upload.SmallContent.Array!, upload.SmallContent.Offset, upload.SmallContent.Count, writable: false);
                await _bucket.Client.PutObjectAsync(new PutObjectRequest { BucketName = _bucket.Name, Key = key, InputStream = body, AutoCloseStream = false }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                upload.MarkFinished();
                await _bucket.Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
                {
                    BucketName = _bucket.Name, Key = key, UploadId = upload.UploadId, PartETags = upload.Parts,
                }, cancellationToken).ConfigureAwait(false);
            }
            return new StagedPiece(upload.Digest, upload.Size);
        }
        finally
        {
            await upload.AbortAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<long> LengthAsync(Guid uploadId, CancellationToken cancellationToken) =>
        (await PiecesAsync(uploadId, cancellationToken).ConfigureAwait(false)).Select(p => p.Offset + p.Size).DefaultIfEmpty(0).Max();

    /// <inheritdoc />
    public async Task<BlobPutResult> PublishAsync(Guid uploadId, long size, BlobExpectation expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var pieces = Tiling(await PiecesAsync(uploadId, cancellationToken).ConfigureAwait(false));
        await using var content = new S3PieceSequenceStream(_bucket, pieces);
        return await PutAsync(content, expected with { Size = size }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        // One request per piece: Google Cloud Storage's XML API has no multi-object delete, and an upload has few pieces.
        foreach (var piece in await PiecesAsync(uploadId, cancellationToken).ConfigureAwait(false))
            await _bucket.DeleteAsync(piece.Key, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Guid> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket.Name, Prefix = _keys.StagingPrefix, Delimiter = "/" };
        do
        {
            var page = await _bucket.Client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            foreach (var folder in page.CommonPrefixes ?? [])
            {
                if (Guid.TryParseExact(folder[_keys.StagingPrefix.Length..].TrimEnd('/'), "N", out var uploadId))
                    yield return uploadId;
            }
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (request.ContinuationToken is not null);
    }

    private async Task<List<S3StagedPiece>> PiecesAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        var prefix = _keys.Staged(uploadId);
        var request = new ListObjectsV2Request { BucketName = _bucket.Name, Prefix = prefix };
        var pieces = new List<S3StagedPiece>();
        do
        {
            var page = await _bucket.Client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.S3Objects ?? [])
            {
                if (long.TryParse(item.Key[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                    pieces.Add(new S3StagedPiece(item.Key, offset, item.Size ?? 0));
            }
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (request.ContinuationToken is not null);
        return pieces;
    }

    // The pieces that follow one another from offset 0 without a gap (the listing is in offset order);
    // a piece that starts elsewhere belongs after a gap and is not part of the upload yet.
    private static List<S3StagedPiece> Tiling(IEnumerable<S3StagedPiece> pieces)
    {
        var tiling = new List<S3StagedPiece>();
        long next = 0;
        foreach (var piece in pieces.OrderBy(p => p.Offset))
        {
            if (piece.Offset != next) break;
            tiling.Add(piece);
            next += piece.Size;
        }
        return tiling;
    }
}
