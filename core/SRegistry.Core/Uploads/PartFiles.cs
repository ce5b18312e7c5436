using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Uploads;

/// <summary>
/// The parts of multipart uploads on local disk, as <c>&lt;Directory&gt;/&lt;uploadId&gt;/&lt;partNumber&gt;</c>.
/// Parts are not fsynced: a part damaged by a crash fails the whole-image digest check at completion,
/// which is where integrity is decided.
/// </summary>
internal sealed class PartFiles(IOptions<UploadOptions> options)
{
    private const int ChunkSize = 1 << 20;

    private string Root
    {
        get
        {
            var directory = options.Value.Directory;
            if (string.IsNullOrWhiteSpace(directory))
                throw new InvalidOperationException("UploadOptions.Directory must name the directory for multipart uploads (the host sets <data>/uploads).");
            return Path.GetFullPath(directory);
        }
    }

    public string PathOf(Guid uploadId, int partNumber) =>
        Path.Combine(DirectoryOf(uploadId), partNumber.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Streams <paramref name="body"/> to a file private to <paramref name="sessionId"/> while hashing it,
    /// reading at most one byte more than <paramref name="sizeLimit"/>. Returns the file with what arrived;
    /// on any exception the file is gone.
    /// </summary>
    public async Task<ReceivedPartFile> ReceiveAsync(Guid uploadId, int partNumber, Guid sessionId, Stream body, long sizeLimit, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DirectoryOf(uploadId));
        var path = $"{PathOf(uploadId, partNumber)}.{sessionId:N}.partial";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                int read;
                while (size <= sizeLimit
                    && (read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(ChunkSize, sizeLimit + 1 - size)), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    size += read;
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
            return new ReceivedPartFile(path, BlobDigest.FromHash(hash.GetHashAndReset()), size);
        }
        catch
        {
            DeleteFile(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Makes a received file the part (replacing an earlier attempt at the same part). False when the
    /// upload's directory was removed meanwhile (an abort or completion).
    /// </summary>
    public bool TryKeep(ReceivedPartFile received, Guid uploadId, int partNumber)
    {
        try
        {
            File.Move(received.Path, PathOf(uploadId, partNumber), overwrite: true);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    public static void Discard(ReceivedPartFile received) => DeleteFile(received.Path);

    /// <summary>Whether the part is on disk with exactly <paramref name="size"/> bytes.</summary>
    public bool Has(Guid uploadId, int partNumber, long size)
    {
        var file = new FileInfo(PathOf(uploadId, partNumber));
        return file.Exists && file.Length == size;
    }

    /// <summary>Parts 1 to <paramref name="totalParts"/> read as one stream, one file open at a time.</summary>
    public Stream OpenConcatenation(Guid uploadId, int totalParts) =>
        new PartConcatenationStream([.. Enumerable.Range(1, totalParts).Select(n => PathOf(uploadId, n))]);

    /// <summary>Removes the upload's parts, finished or not.</summary>
    public void Delete(Guid uploadId)
    {
        try
        {
            Directory.Delete(DirectoryOf(uploadId), recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever received, or another request removed it first.
        }
    }

    /// <summary>The uploads that have a directory here.</summary>
    public IReadOnlyList<Guid> ListUploads()
    {
        var root = new DirectoryInfo(Root);
        var uploads = new List<Guid>();
        if (!root.Exists) return uploads;
        foreach (var directory in root.EnumerateDirectories())
        {
            if (Guid.TryParseExact(directory.Name, "N", out var uploadId))
                uploads.Add(uploadId);
        }
        return uploads;
    }

    // The directory may be gone already: an abort removes it while parts still arrive.
    private static void DeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private string DirectoryOf(Guid uploadId) => Path.Combine(Root, uploadId.ToString("N"));
}
