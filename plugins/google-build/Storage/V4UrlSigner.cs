using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SRegistry.Plugins.GoogleBuild.Google;

namespace SRegistry.Plugins.GoogleBuild.Storage;

/// <summary>
/// Cloud Storage V4 signed URLs (GOOG4-RSA-SHA256, path style, unsigned payload), signed as the
/// plugin's service account, so a client can read or write one object without other credentials.
/// </summary>
public sealed class V4UrlSigner(GoogleAccess access, IOptions<GoogleBuildOptions> options, TimeProvider clock)
{
    /// <summary>Cloud Storage refuses signed URLs that live longer than seven days.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    private readonly Uri _base = new(options.Value.StorageBaseUrl.TrimEnd('/') + "/");
    private readonly string _bucket = options.Value.Bucket;

    /// <summary>Signs <paramref name="method"/> on <paramref name="objectName"/> for <paramref name="lifetime"/>; the client must send <paramref name="headers"/> unchanged.</summary>
    public async Task<Uri> SignAsync(HttpMethod method, string objectName, TimeSpan lifetime, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "A signed URL lives between one second and seven days.");
        var now = clock.GetUtcNow();
        var date = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var timestamp = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{date}/auto/storage/goog4_request";
        var email = await access.GetAccountEmailAsync(cancellationToken).ConfigureAwait(false);

        var signedHeaders = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = _base.Authority };
        foreach (var (name, value) in headers) signedHeaders[name.ToLowerInvariant()] = value.Trim();
        var signedHeaderNames = string.Join(';', signedHeaders.Keys);

        var query = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["X-Goog-Algorithm"] = "GOOG4-RSA-SHA256",
            ["X-Goog-Credential"] = $"{email}/{scope}",
            ["X-Goog-Date"] = timestamp,
            ["X-Goog-Expires"] = ((long)lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["X-Goog-SignedHeaders"] = signedHeaderNames,
        };
        var canonicalQuery = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var path = _base.AbsolutePath + Uri.EscapeDataString(_bucket) + "/" + string.Join('/', objectName.Split('/').Select(Uri.EscapeDataString));

        var canonicalRequest = string.Join('\n',
            method.Method,
            path,
            canonicalQuery,
            string.Concat(signedHeaders.Select(h => $"{h.Key}:{h.Value}\n")),
            signedHeaderNames,
            "UNSIGNED-PAYLOAD");
        var stringToSign = string.Join('\n',
            "GOOG4-RSA-SHA256", timestamp, scope, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var signature = await access.SignAsync(Encoding.UTF8.GetBytes(stringToSign), cancellationToken).ConfigureAwait(false);

        return new Uri($"{_base.Scheme}://{_base.Authority}{path}?{canonicalQuery}&X-Goog-Signature={Convert.ToHexStringLower(Convert.FromBase64String(signature))}");
    }
}
