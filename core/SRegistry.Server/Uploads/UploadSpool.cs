using SRegistry.Abstractions.Storage;
using SRegistry.Core.Storage;

namespace SRegistry.Server.Uploads;

/// <summary>
/// A pushed file held on disk while its sha256 is computed. Pushes through sregistry-cli and the browser send the bytes before anything
/// names their hash, and the catalog creates an image only for a known hash, so the bytes go to a
/// temporary file (streamed and hashed in one pass, never held in memory) and then through the ordinary
/// upload path, which verifies them against that hash, checks the SIF and records its metadata.
/// A filesystem store takes the file itself as the blob. Disposing removes the file if it is still
/// there, so a refused or broken upload leaves nothing behind.
/// </summary>
public sealed class UploadSpool : IAsyncDisposable
{
    private UploadSpool(string path, BlobDigest digest, long size)
    {
        Path = path;
        Digest = digest;
        Size = size;
    }

    /// <summary>Where the file is (until a store takes it).</summary>
    public string Path { get; }

    /// <summary>The sha256 of what arrived.</summary>
    public BlobDigest Digest { get; }

    /// <summary>How many bytes arrived.</summary>
    public long Size { get; }

    /// <summary>Copies <paramref name="content"/> to a new file in <paramref name="directory"/>; throws (leaving no file) when the content breaks off.</summary>
    public static async Task<UploadSpool> ReceiveAsync(Stream content, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "spool-" + Guid.NewGuid().ToString("N") + ".part");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            var (digest, size) = await FileReceiver.ReceiveAsync(file.SafeFileHandle, 0, content, null, cancellationToken);
            return new UploadSpool(path, digest, size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Reads the file from its start.</summary>
    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
