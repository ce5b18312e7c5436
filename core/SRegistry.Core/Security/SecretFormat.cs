using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace SRegistry.Core.Security;

/// <summary>
/// A kind of bearer secret (API tokens, share links, team invitations): a recognisable prefix and 32
/// random bytes in base64url. Only its SHA-256 is stored: secrets are 256 random bits, so there is
/// nothing to guess, and a fixed hash lets the lookup use a unique index.
/// </summary>
/// <param name="prefix">What every secret of this kind starts with, so leaked ones are recognisable to people and secret scanners.</param>
public sealed class SecretFormat(string prefix)
{
    private const int RandomBytes = 32;

    /// <summary>What every secret of this kind starts with.</summary>
    public string Prefix { get; } = prefix;

    /// <summary>The length of every secret: the prefix and 43 base64url characters.</summary>
    public int Length { get; } = prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    /// <summary>Creates a new random secret.</summary>
    public string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>Whether <paramref name="text"/> has the shape of such a secret (saves a database query for junk).</summary>
    public bool HasShape([NotNullWhen(true)] string? text) =>
        text is not null && text.Length == Length && text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The stored form of a secret.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
