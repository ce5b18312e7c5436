using System.Security.Cryptography;
using System.Text;

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>GitHub's <c>X-Hub-Signature-256</c>: <c>sha256=</c> and the hex HMAC-SHA256 of the raw body under the webhook secret.</summary>
public static class WebhookSignature
{
    private const string Prefix = "sha256=";

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/>; compared in constant time.</summary>
    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string secret)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64)
            return false;
        byte[] sent;
        try
        {
            sent = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, sent);
    }

    /// <summary>The header value for a body (what GitHub sends).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
