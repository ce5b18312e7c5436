using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SRegistry.Plugins.GoogleBuild.Tests.Fakes;

/// <summary>
/// Cloud Storage's XML API for V4 signed URLs: rebuilds the canonical request from what arrived,
/// verifies the RSA-SHA256 signature with the signer's public key and the expiry, then serves GET
/// (with Range) or PUT (honouring a signed x-goog-content-length-range).
/// </summary>
public static class FakeSignedUrls
{
    public static async Task ServeAsync(HttpContext context, RecordedRequest request, string[] path, FakeCloudStorage storage, FakeGoogleServer server)
    {
        if (path is not [FakeCloudStorage.Bucket, .. var segments] || segments.Length == 0)
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (Refusal(context, request, server) is { } refusal)
        {
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync($"<Error><Code>SignatureDoesNotMatch</Code><Message>{refusal}</Message></Error>");
            return;
        }

        var name = string.Join('/', segments);
        if (context.Request.Method == "GET")
        {
            if (storage.Find(name) is { } found) await FakeCloudStorage.ServeRangeAsync(context, found);
            else context.Response.StatusCode = 404;
            return;
        }

        if (context.Request.Headers["x-goog-content-length-range"].ToString().Split(',') is [var min, var max]
            && (context.Request.ContentLength is not { } length || length < long.Parse(min, CultureInfo.InvariantCulture) || length > long.Parse(max, CultureInfo.InvariantCulture)))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("<Error><Code>EntityTooLarge</Code></Error>");
            return;
        }

        var file = storage.NewFile();
        await using (var target = File.Create(file)) await context.Request.Body.CopyToAsync(target);
        storage.ReplaceLocked(name, file);
    }

    private static string? Refusal(HttpContext context, RecordedRequest request, FakeGoogleServer server)
    {
        var query = context.Request.Query;
        if (query["X-Goog-Algorithm"] != "GOOG4-RSA-SHA256") return "Unsupported algorithm.";
        var credential = query["X-Goog-Credential"].ToString().Split('/');
        if (credential is not [var email, var date, "auto", "storage", "goog4_request"] || !server.TrustedAccounts.TryGetValue(email, out var key))
            return "Unknown credential.";
        var signedAt = DateTimeOffset.ParseExact(query["X-Goog-Date"]!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if (signedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture) != date) return "The credential's date is not the signing date.";
        if (DateTimeOffset.UtcNow > signedAt.AddSeconds(long.Parse(query["X-Goog-Expires"]!, CultureInfo.InvariantCulture))) return "ExpiredToken: the URL has expired.";

        var signedHeaders = query["X-Goog-SignedHeaders"].ToString();
        var canonicalQuery = string.Join('&', query
            .Where(p => p.Key != "X-Goog-Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value.ToString())}"));
        var headers = string.Concat(signedHeaders.Split(';').Select(h => $"{h}:{context.Request.Headers[h].ToString().Trim()}\n"));
        var canonical = string.Join('\n', request.Method, request.Path, canonicalQuery, headers, signedHeaders, "UNSIGNED-PAYLOAD");
        var toSign = string.Join('\n', "GOOG4-RSA-SHA256", query["X-Goog-Date"].ToString(), $"{date}/auto/storage/goog4_request",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(query["X-Goog-Signature"]!);
        }
        catch (FormatException)
        {
            return "The signature is not hexadecimal.";
        }

        return key.VerifyData(Encoding.UTF8.GetBytes(toSign), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ? null
            : "The request signature we calculated does not match the signature you provided.";
    }
}
