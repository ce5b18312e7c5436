using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// The capability URLs pulls hand out (<c>/api/download/&lt;ticket&gt;</c>): the client fetches them without
/// credentials. A ticket is the image id sealed with ASP.NET Data Protection's time-limited protector
/// (authenticated encryption, keys in <c>&lt;data&gt;/keys</c>), so it names one image, expires after
/// <see cref="SRegistryCliOptions.DownloadUrlLifetime"/>, cannot be forged or altered, and needs no database
/// row. Unlike the original's per-collection secret, it stops working on its own.
/// </summary>
public sealed class DownloadUrls(IDataProtectionProvider protection, IOptions<SRegistryCliOptions> options, TimeProvider time)
{
    /// <summary>The path the tickets are served under.</summary>
    public const string Path = "/api/download/";

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("SRegistry.SRegistryCli.Download.v1").ToTimeLimitedDataProtector();

    /// <summary>An absolute download URL for the image, valid from now for the configured lifetime.</summary>
    public string Create(HttpRequest request, long imageId, string fileName)
    {
        var ticket = _protector.Protect(imageId.ToString(CultureInfo.InvariantCulture), time.GetUtcNow() + options.Value.DownloadUrlLifetime);
        return $"{request.Scheme}://{request.Host}{Path}{ticket}/{Uri.EscapeDataString(fileName)}";
    }

    /// <summary>The image id of a ticket, or null when it is forged, altered or expired.</summary>
    public long? Open(string ticket)
    {
        try
        {
            var text = _protector.Unprotect(ticket, out var expiration);
            return expiration > time.GetUtcNow() && long.TryParse(text, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
