using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SRegistry.Server.Tests.Oci.Interop;

/// <summary>
/// Writes an OCI image layout (image-spec <c>image-layout.md</c>): content-addressed files under
/// <c>blobs/sha256</c>, an <c>oci-layout</c> marker and an <c>index.json</c> naming one tagged root, as
/// <c>skopeo copy oci:DIR:TAG</c> reads it.
/// </summary>
public sealed class OciLayoutWriter
{
    private readonly string _directory;
    private readonly string _blobs;

    public OciLayoutWriter(string directory)
    {
        _directory = directory;
        _blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(_blobs);
    }

    public OciDescriptor AddBlob(byte[] bytes, string mediaType, IReadOnlyDictionary<string, string>? annotations = null)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));
        File.WriteAllBytes(Path.Combine(_blobs, hex), bytes);
        return new OciDescriptor(mediaType, "sha256:" + hex, bytes.Length, annotations);
    }

    /// <summary>Copies a file in as a blob, streaming: SIF images may be large.</summary>
    public async Task<OciDescriptor> AddFileAsync(string path, string mediaType, IReadOnlyDictionary<string, string>? annotations = null)
    {
        var temporary = Path.Combine(_blobs, ".incoming-" + Guid.NewGuid().ToString("N"));
        string hex;
        await using (var source = File.OpenRead(path))
        await using (var target = File.Create(temporary))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[1024 * 1024];
            int read;
            while ((read = await source.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read));
            }

            hex = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        File.Move(temporary, Path.Combine(_blobs, hex), overwrite: true);
        return new OciDescriptor(mediaType, "sha256:" + hex, new FileInfo(path).Length, annotations);
    }

    /// <summary>Stores a manifest or index as a blob; the digest is of exactly these serialized bytes.</summary>
    public OciDescriptor AddJson(JsonObject document, string mediaType) =>
        AddBlob(JsonSerializer.SerializeToUtf8Bytes(document), mediaType);

    /// <summary>Writes <c>index.json</c> naming <paramref name="root"/> as <paramref name="tag"/> and returns the finished layout.</summary>
    public OciLayout Finish(OciDescriptor root, string tag)
    {
        File.WriteAllText(Path.Combine(_directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        var entry = root.ToJson();
        entry["annotations"] = new JsonObject { [OciLayout.RefNameAnnotation] = tag };
        var index = new JsonObject { ["schemaVersion"] = 2, ["manifests"] = new JsonArray(entry) };
        File.WriteAllBytes(Path.Combine(_directory, "index.json"), JsonSerializer.SerializeToUtf8Bytes(index));
        return OciLayout.Read(_directory, tag);
    }
}
