using System.Diagnostics.CodeAnalysis;
using SRegistry.Core.Security;

namespace SRegistry.Core.Accounts;

/// <summary>The format of API token secrets: <c>sreg_</c> followed by 32 random bytes in base64url.</summary>
public static class ApiTokenSecret
{
    private static readonly SecretFormat Format = new(Prefix);

    /// <summary>What every secret starts with.</summary>
    public const string Prefix = "sreg_";

    /// <summary>How many characters of a secret are kept in clear to recognise the token in lists.</summary>
    public const int DisplayLength = 12;

    /// <summary>The length of every secret: the prefix and 43 base64url characters.</summary>
    public static int Length => Format.Length;

    /// <summary>Creates a new random secret.</summary>
    public static string Create() => Format.Create();

    /// <summary>Whether <paramref name="text"/> has the shape of a secret (saves a database query for junk).</summary>
    public static bool HasSecretShape([NotNullWhen(true)] string? text) => Format.HasShape(text);

    /// <summary>The stored form of a secret (see <see cref="SecretFormat.Hash"/>).</summary>
    public static byte[] Hash(string secret) => SecretFormat.Hash(secret);
}
