using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace SRegistry.Core.Teams;

/// <summary>
/// The secret part of an invitation URL: <c>inv_</c> and 32 random bytes in base64url. Only its SHA-256
/// is stored, so the database alone lets nobody join a team.
/// </summary>
public static class TeamInvitationSecret
{
    /// <summary>What every secret starts with, so leaked links are recognisable.</summary>
    public const string Prefix = "inv_";

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
