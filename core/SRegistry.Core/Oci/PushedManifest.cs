using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Oci;

/// <summary>A manifest accepted by a push: its digest and the subject it refers to, if any.</summary>
public sealed record PushedManifest(BlobDigest Digest, BlobDigest? Subject);
