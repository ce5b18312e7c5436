using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SRegistry.Core.Builds;

/// <summary>
/// Webhook secrets of repository connections: generated here (32 random bytes as hex, what GitHub
/// accepts as a secret), kept encrypted with ASP.NET Data Protection because signatures must be checked
/// with the secret itself, so a hash would not do.
/// </summary>
public sealed class ConnectionSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("SRegistry.RepositoryConnections.WebhookSecret");

    /// <summary>A new secret: 64 lowercase hex characters.</summary>
    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The secret, encrypted for storage.</summary>
    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The stored secret, decrypted.</summary>
    public string Unprotect(string encrypted) => _protector.Unprotect(encrypted);
}
