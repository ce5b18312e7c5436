using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace SRegistry.Core.Uploads;

/// <summary>The secret of an upload URL: 32 random bytes in base64url (43 characters).</summary>
internal static class UploadSecret
{
    private const int RandomBytes = 32;

    public static int Length { get; } = Base64Url.GetEncodedLength(RandomBytes);

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>Whether <paramref name="text"/> could be a secret (saves a database query for junk).</summary>
    public static bool HasShape([NotNullWhen(true)] string? text) =>
        text is not null && text.Length == Length && Base64Url.IsValid(text);

    /// <summary>The stored form. An unsalted SHA-256 suffices for 256 random bits and allows an indexed lookup.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
