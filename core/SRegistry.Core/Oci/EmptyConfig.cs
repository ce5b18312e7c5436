using System.Security.Cryptography;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Oci;

/// <summary>
/// The two-byte <c>{}</c> blob: the config of SIF artifacts (and the OCI "empty" descriptor). It says
/// nothing about anyone's content, so every repository may serve it.
/// </summary>
public static class EmptyConfig
{
    public static ReadOnlyMemory<byte> Bytes { get; } = "{}"u8.ToArray();

    public static BlobDigest Digest { get; } = BlobDigest.FromHash(SHA256.HashData(Bytes.Span));
}
