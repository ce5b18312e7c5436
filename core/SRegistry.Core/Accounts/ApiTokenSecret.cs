using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace SRegistry.Core.Accounts;

/// <summary>
/// The format of API token secrets: <c>sreg_</c> followed by 32 random bytes in base64url.
/// The prefix makes leaked tokens recognisable to people and secret scanners.
/// </summary>
public static class ApiTokenSecret
{
    /// <summary>What every secret starts with.</summary>
    public const string Prefix = "sreg_";

    /// <summary>How many characters of a secret are kept in clear to recognise the token in lists.</summary>
    public const int DisplayLength = 12;

    private const int RandomBytes = 32;

    /// <summary>The length of every secret: the prefix and 43 base64url characters.</summary>
    public static int Length { get; } = Prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    /// <summary>Creates a new random secret.</summary>
    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>Whether <paramref name="text"/> has the shape of a secret (saves a database query for junk).</summary>
    public static bool HasSecretShape([NotNullWhen(true)] string? text) =>
        text is not null && text.Length == Length && text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// The stored form of a secret. SHA-256 without salt is enough: secrets are 256 random bits,
    /// so there is nothing to guess, and a fixed hash lets the lookup use a unique index.
    /// </summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
