using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SRegistry.Plugins.GoogleBuild.Tests.Fakes;

/// <summary>Checks a service account's JWT assertion the way Google's token endpoint documents it.</summary>
public static class FakeJwtAssertion
{
    /// <summary>Returns null when the assertion is valid, otherwise why not.</summary>
    public static string? Verify(string assertion, ConcurrentDictionary<string, RSA> trusted)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3) return "The assertion is not a JWS compact serialization.";
        using var header = JsonDocument.Parse(Base64Url(parts[0]));
        using var claims = JsonDocument.Parse(Base64Url(parts[1]));
        if (header.RootElement.GetProperty("alg").GetString() != "RS256") return "The assertion is not signed with RS256.";
        var issuer = claims.RootElement.GetProperty("iss").GetString()!;
        if (!trusted.TryGetValue(issuer, out var key)) return $"Unknown service account {issuer}.";
        if (!key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            return "Invalid JWT Signature.";
        // Google documents the audience as always its token endpoint's public address, wherever the request goes.
        if (claims.RootElement.GetProperty("aud").GetString() != "https://oauth2.googleapis.com/token") return "The audience is not https://oauth2.googleapis.com/token.";
        if (!(claims.RootElement.TryGetProperty("scope", out var scope) && scope.GetString()!.Split(' ').Contains("https://www.googleapis.com/auth/cloud-platform")))
            return "The assertion does not ask for the cloud-platform scope.";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return claims.RootElement.GetProperty("exp").GetInt64() < now ? "The assertion has expired." : null;
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
