using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// The signature sregistry-cli puts on a request: lowercase hex HMAC-SHA256, keyed by the user's
/// sregistry-cli token, of <c>"&lt;kind&gt;|&lt;collection&gt;|&lt;ts&gt;|&lt;image&gt;|&lt;tag&gt;|"</c> (trailing pipe included).
/// It does not cover the body.
/// </summary>
public static class HmacSignature
{
    /// <summary>The client's timestamp format: UTC, to the hour.</summary>
    public const string TimestampFormat = "yyyyMMdd'T'HH'Z'";

    /// <summary>The timestamp a client signing at <paramref name="time"/> uses.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>The signature for these values, as the client computes it.</summary>
    public static string Compute(string key, string kind, string collection, string timestamp, string image, string tag)
    {
        var message = $"{kind}|{collection}|{timestamp}|{image}|{tag}|";
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message)));
    }

    /// <summary>
    /// Whether <paramref name="credential"/> signs these values with <paramref name="key"/>, at the current
    /// hour or the previous one. The original server accepted only the current hour, so every request
    /// signed in the last seconds of an hour failed; one hour back keeps replays of captured headers short.
    /// </summary>
    public static bool Verify(string key, HmacCredential credential, string kind, string collection, string image, string tag, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (credential.Kind != kind)
            return false;
        if (credential.Timestamp != Timestamp(now) && credential.Timestamp != Timestamp(now.AddHours(-1)))
            return false;

        var expected = Encoding.ASCII.GetBytes(Compute(key, kind, collection, credential.Timestamp, image, tag));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(credential.Signature));
    }
}
