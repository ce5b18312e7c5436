using System.Text.Json.Nodes;

namespace SRegistry.Server.Tests.Oci.Interop;

/// <summary>An OCI content descriptor: what a manifest or index says about a blob it points to.</summary>
public sealed record OciDescriptor(string MediaType, string Digest, long Size, IReadOnlyDictionary<string, string>? Annotations = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["mediaType"] = MediaType, ["digest"] = Digest, ["size"] = Size };
        if (Annotations is not null) json["annotations"] = new JsonObject(Annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
        return json;
    }
}
