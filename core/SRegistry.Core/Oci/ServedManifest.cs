using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Oci;

/// <summary>A manifest as the door serves it: exact bytes, their digest, and the media type it was pushed (or made) with.</summary>
public sealed record ServedManifest(BlobDigest Digest, string MediaType, byte[] Content);
