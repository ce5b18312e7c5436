using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// The parsed <c>SREGISTRY-HMAC-SHA256 Credential=&lt;kind&gt;/&lt;base64(username)&gt;/&lt;ts&gt;,Signature=&lt;hex&gt;</c>
/// that sregistry-cli sends in <c>Authorization</c> (and, for uploads, in the <c>SREGISTRY_EVENT</c> form field).
/// </summary>
/// <param name="Kind">push, upload, pull, delete or build.</param>
/// <param name="UserName">The user, decoded from base64.</param>
/// <param name="Timestamp">The hour the client signed in, <c>yyyyMMdd'T'HH'Z'</c>.</param>
/// <param name="Signature">The lowercase hex HMAC-SHA256 the client computed.</param>
public sealed record HmacCredential(string Kind, string UserName, string Timestamp, string Signature)
{
    /// <summary>The scheme word that opens the header.</summary>
    public const string Scheme = "SREGISTRY-HMAC-SHA256";

    /// <summary>Parses the header value; false for anything that is not exactly this shape.</summary>
    public static bool TryParse(string? header, [NotNullWhen(true)] out HmacCredential? credential)
    {
        credential = null;
        if (header is null || !header.StartsWith(Scheme + " ", StringComparison.Ordinal))
            return false;

        string? credentialPart = null, signature = null;
        foreach (var pair in header[(Scheme.Length + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            if (pair.StartsWith("Credential=", StringComparison.Ordinal))
                credentialPart = pair["Credential=".Length..];
            else if (pair.StartsWith("Signature=", StringComparison.Ordinal))
                signature = pair["Signature=".Length..];
        }

        // Base64 may itself contain '/', so the kind is the first segment and the timestamp the last.
        if (credentialPart is null || signature is null)
            return false;
        var first = credentialPart.IndexOf('/');
        var last = credentialPart.LastIndexOf('/');
        if (first <= 0 || last <= first)
            return false;
        if (!TryDecode(credentialPart[(first + 1)..last], out var userName))
            return false;

        credential = new HmacCredential(credentialPart[..first], userName, credentialPart[(last + 1)..], signature);
        return true;
    }

    private static bool TryDecode(string base64, [NotNullWhen(true)] out string? text)
    {
        text = null;
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
            return false;
        try
        {
            text = new UTF8Encoding(false, true).GetString(buffer, 0, written);
            return text.Length > 0;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Keeps the signature out of logs.</summary>
    public override string ToString() => $"{Scheme} {Kind}/{UserName}/{Timestamp}";
}
