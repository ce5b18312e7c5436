using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace SRegistry.Core.Sharing;

/// <summary>
/// The secret part of a share link URL: <c>shr_</c> and 32 random bytes in base64url. Only its SHA-256
/// is stored, so the database alone cannot be used to download anything.
/// </summary>
public static class ShareLinkSecret
{
    /// <summary>What every secret starts with, so leaked links are recognisable.</summary>
    public const string Prefix = "shr_";

    private const int RandomBytes = 32;

    private static readonly int Length = Prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    /// <summary>Creates a new random secret.</summary>
    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>Whether <paramref name="text"/> has the shape of a secret (saves a database query for junk).</summary>
    public static bool HasSecretShape([NotNullWhen(true)] string? text) =>
        text is not null && text.Length == Length && text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The stored form of a secret.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
