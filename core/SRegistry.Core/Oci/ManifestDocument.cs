using System.Text.Json;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Oci;

/// <summary>
/// What the registry reads from a pushed manifest or index: the descriptors it names, its subject and
/// artifact type. The bytes themselves are kept and served unchanged.
/// </summary>
internal sealed record ManifestDocument(
    string MediaType,
    OciDescriptor? Config,
    IReadOnlyList<OciDescriptor> Layers,
    IReadOnlyList<OciDescriptor> Manifests,
    OciDescriptor? Subject,
    string? ArtifactType,
    IReadOnlyDictionary<string, string>? Annotations)
{
    /// <summary>Parses the bytes pushed with <paramref name="contentType"/>; a message saying what is wrong otherwise.</summary>
    public static OciResult<ManifestDocument> Parse(ReadOnlySpan<byte> content, string? contentType)
    {
        try
        {
            using var json = JsonDocument.Parse(content.ToArray());
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Invalid("The manifest is not a JSON object.");
            if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 2)
                return Invalid("The manifest's schemaVersion must be 2 (schema 1 manifests are not supported).");

            var declared = Text(root, "mediaType");
            contentType = string.IsNullOrEmpty(contentType) ? null : contentType.Split(';')[0].Trim();
            if (declared is not null && contentType is not null && declared != contentType)
                return Invalid($"The manifest says its mediaType is '{declared}' but was pushed as '{contentType}'.");
            var mediaType = contentType ?? declared
                ?? (root.TryGetProperty("manifests", out _) ? OciMediaTypes.ImageIndex : OciMediaTypes.ImageManifest);

            var isIndex = root.TryGetProperty("manifests", out _) || OciMediaTypes.IsIndex(mediaType);
            OciDescriptor? config = null;
            if (!isIndex)
            {
                if (!root.TryGetProperty("config", out var configElement))
                    return Invalid("An image manifest needs a config descriptor.");
                config = Descriptor(configElement);
            }

            return OciResult<ManifestDocument>.Success(new ManifestDocument(
                mediaType,
                config,
                isIndex ? [] : Descriptors(root, "layers"),
                isIndex ? Descriptors(root, "manifests") : [],
                root.TryGetProperty("subject", out var subject) ? Descriptor(subject) : null,
                Text(root, "artifactType"),
                ReadAnnotations(root)));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            return Invalid($"The manifest is not valid: {e.Message}");
        }
    }

    /// <summary>Whether this is an index (its children are manifests).</summary>
    public bool IsIndex => Config is null;

    /// <summary>What the referrers API reports for it: <c>artifactType</c>, else the config's media type.</summary>
    public string? ReportedArtifactType => ArtifactType ?? Config?.MediaType;

    /// <summary>The annotations of a stored manifest (for the referrers API), or null.</summary>
    public static IReadOnlyDictionary<string, string>? AnnotationsOf(byte[] content)
    {
        try
        {
            using var json = JsonDocument.Parse(content);
            return ReadAnnotations(json.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<OciDescriptor> Descriptors(JsonElement root, string property) =>
        root.TryGetProperty(property, out var array) ? [.. array.EnumerateArray().Select(Descriptor)] : [];

    private static OciDescriptor Descriptor(JsonElement element)
    {
        var digest = Text(element, "digest") ?? throw new FormatException("A descriptor has no digest.");
        if (!digest.StartsWith("sha256:", StringComparison.Ordinal) || !BlobDigest.TryParse(digest, out var parsed))
            throw new FormatException($"The descriptor digest '{digest}' is not supported; this registry addresses content by sha256:<64 hex>.");
        return new OciDescriptor(
            Text(element, "mediaType") ?? throw new FormatException($"The descriptor of {digest} has no mediaType."),
            parsed,
            element.GetProperty("size").GetInt64(),
            Text(element, "artifactType"),
            ReadAnnotations(element));
    }

    private static Dictionary<string, string>? ReadAnnotations(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object
            ? annotations.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : null;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static OciResult<ManifestDocument> Invalid(string message) => OciResult<ManifestDocument>.Failure(OciError.ManifestInvalid, message);
}
