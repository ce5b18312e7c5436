using System.Security.Cryptography;

namespace SRegistry.Bench;

/// <summary>A file of incompressible pseudo-random bytes to push, and its OCI digest (<c>sha256:&lt;hex&gt;</c>).</summary>
internal sealed record OciBlobFile(string Path, long Size, string Digest)
{
    public string Hex => Digest["sha256:".Length..];

    /// <summary>Writes <paramref name="size"/> bytes of the <paramref name="seed"/>'s stream to <paramref name="path"/>, hashing them on the way (not timed).</summary>
    public static async Task<OciBlobFile> CreateAsync(string path, long size, ulong seed)
    {
        var source = new PseudoRandomStream(size, seed);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ReferenceFile.ChunkSize];
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
        {
            int read;
            while ((read = await source.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        return new OciBlobFile(path, size, "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
