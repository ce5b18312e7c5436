using System.Security.Cryptography;
using System.Text.Json;

namespace SRegistry.Server.Tests.Oci.Interop;

/// <summary>
/// An OCI image layout on disk as a test compares it: the digest of the manifest (or index) a tag names, and
/// the sha256 of every blob file's content (not its file name, so a corrupted copy shows as a different set).
/// </summary>
public sealed record OciLayout(string Directory, string Tag, string ManifestDigest, IReadOnlyList<string> BlobDigests)
{
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    /// <summary>The <c>oci:DIR:TAG</c> reference skopeo reads and writes.</summary>
    public string Reference => $"oci:{Directory}:{Tag}";

    /// <summary>Reads a layout written by <see cref="OciLayoutWriter"/> or by <c>skopeo copy … oci:DIR:TAG</c>.</summary>
    public static OciLayout Read(string directory, string tag)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "index.json")));
        var root = index.RootElement.GetProperty("manifests").EnumerateArray().Single(m =>
            m.TryGetProperty("annotations", out var annotations)
            && annotations.TryGetProperty(RefNameAnnotation, out var name)
            && name.GetString() == tag);
        var blobs = System.IO.Directory.EnumerateFiles(Path.Combine(directory, "blobs", "sha256"))
            .Select(Sha256Digest)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new OciLayout(directory, tag, root.GetProperty("digest").GetString()!, blobs);
    }

    /// <summary>The manifest (or index) the tag names, parsed.</summary>
    public JsonElement ReadManifest()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "blobs", "sha256", ManifestDigest["sha256:".Length..])));
        return manifest.RootElement.Clone();
    }

    /// <summary>The <c>sha256:&lt;hex&gt;</c> digest of a file's content.</summary>
    public static string Sha256Digest(string path)
    {
        using var stream = File.OpenRead(path);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
