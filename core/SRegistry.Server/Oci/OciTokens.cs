using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SRegistry.Core.Oci;

namespace SRegistry.Server.Oci;

/// <summary>
/// Issues and reads the door's bearer tokens: <see cref="OciAccess"/> sealed with ASP.NET Data
/// Protection (authenticated encryption, keys in <c>&lt;data&gt;/keys</c>, so every instance sharing the
/// data directory accepts them), with an expiry inside the seal. Tampered, foreign and expired tokens
/// all fail the same way. Refresh tokens use a separate purpose, so neither can stand in for the other.
/// </summary>
public sealed class OciTokens(IDataProtectionProvider protection, IOptions<OciOptions> options, TimeProvider time)
{
    private static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(30);
    private readonly ITimeLimitedDataProtector _access = protection.CreateProtector("SRegistry.Oci.AccessToken.v1").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _refresh = protection.CreateProtector("SRegistry.Oci.RefreshToken.v1").ToTimeLimitedDataProtector();

    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public string Issue(OciAccess access) =>
        _access.Protect(JsonSerializer.Serialize(access), time.GetUtcNow() + Lifetime);

    /// <summary>A long-lived token that only the token endpoint takes, to issue access tokens for the same user and scopes.</summary>
    public string IssueRefresh(OciAccess access) =>
        _refresh.Protect(JsonSerializer.Serialize(access with { Grants = new Dictionary<string, IReadOnlyList<string>>() }), time.GetUtcNow() + RefreshLifetime);

    public OciAccess? Read(string token) => Unprotect(_access, token);

    public OciAccess? ReadRefresh(string token) => Unprotect(_refresh, token);

    private OciAccess? Unprotect(ITimeLimitedDataProtector protector, string token)
    {
        try
        {
            var json = protector.Unprotect(token, out var expiration);
            return expiration > time.GetUtcNow() ? JsonSerializer.Deserialize<OciAccess>(json) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
