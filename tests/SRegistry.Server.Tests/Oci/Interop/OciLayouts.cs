using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace SRegistry.Server.Tests.Oci.Interop;

/// <summary>
/// The OCI layouts the interop tests copy with skopeo, written here with no external tool: a SIF as the ORAS
/// artifact Singularity pushes, a multi-layer container image, and an index over two platforms. Layer
/// contents are random, so no two layouts share a blob by accident.
/// </summary>
public static class OciLayouts
{
    private const string ImageManifestType = "application/vnd.oci.image.manifest.v1+json";
    private const string ImageIndexType = "application/vnd.oci.image.index.v1+json";
    private const string SifConfigType = "application/vnd.sylabs.sif.config.v1+json";
    private const string SifLayerType = "application/vnd.sylabs.sif.layer.v1.sif";
    private const string ImageConfigType = "application/vnd.oci.image.config.v1+json";
    private const string GzipLayerType = "application/vnd.oci.image.layer.v1.tar+gzip";
    private const string TitleAnnotation = "org.opencontainers.image.title";

    /// <summary>
    /// <paramref name="sif"/> as <c>singularity push oras://</c> shapes it: the 2-byte <c>{}</c> config of the SIF
    /// config type and the file as the only layer, titled with its file name.
    /// </summary>
    public static async Task<OciLayout> SifArtifactAsync(string directory, string sif, string tag)
    {
        var layout = new OciLayoutWriter(directory);
        var config = layout.AddBlob("{}"u8.ToArray(), SifConfigType);
        var layer = await layout.AddFileAsync(sif, SifLayerType, new Dictionary<string, string> { [TitleAnnotation] = Path.GetFileName(sif) });
        return layout.Finish(layout.AddJson(Manifest(config, [layer]), ImageManifestType), tag);
    }

    /// <summary>A linux/<paramref name="arch"/> container image of <paramref name="layers"/> gzip'd tar layers and its config.</summary>
    public static OciLayout MultiLayerImage(string directory, string tag, string arch = "amd64", int layers = 3)
    {
        var layout = new OciLayoutWriter(directory);
        return layout.Finish(AddImage(layout, arch, layers), tag);
    }

    /// <summary>An image index over a linux/amd64 and a linux/arm64 image (two layers each), as <c>skopeo copy --all</c> copies it.</summary>
    public static OciLayout ImageIndex(string directory, string tag)
    {
        var layout = new OciLayoutWriter(directory);
        var platforms = new JsonArray();
        foreach (var arch in new[] { "amd64", "arm64" })
        {
            var entry = AddImage(layout, arch, 2).ToJson();
            entry["platform"] = new JsonObject { ["architecture"] = arch, ["os"] = "linux" };
            platforms.Add(entry);
        }

        var index = new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = ImageIndexType, ["manifests"] = platforms };
        return layout.Finish(layout.AddJson(index, ImageIndexType), tag);
    }

    private static OciDescriptor AddImage(OciLayoutWriter layout, string arch, int layerCount)
    {
        var layers = new List<OciDescriptor>();
        var diffIds = new JsonArray();
        for (var i = 0; i < layerCount; i++)
        {
            var tar = Tar($"layer{i}/data.bin");
            diffIds.Add("sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar)));
            layers.Add(layout.AddBlob(Gzip(tar), GzipLayerType));
        }

        // Correct diff_ids: a client that checks them (or converts the image) must find them true.
        var config = new JsonObject
        {
            ["architecture"] = arch,
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Cmd"] = new JsonArray("/bin/sh") },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds },
        };
        return layout.AddJson(Manifest(layout.AddJson(config, ImageConfigType), layers), ImageManifestType);
    }

    private static JsonObject Manifest(OciDescriptor config, IEnumerable<OciDescriptor> layers) => new()
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = ImageManifestType,
        ["config"] = config.ToJson(),
        ["layers"] = new JsonArray([.. layers.Select(l => (JsonNode)l.ToJson())]),
    };

    private static byte[] Tar(string fileName)
    {
        var content = RandomNumberGenerator.GetBytes(4096);
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, fileName) { DataStream = new MemoryStream(content) });
        }

        return tar.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }
}
