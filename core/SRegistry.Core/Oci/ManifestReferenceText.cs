using System.Diagnostics.CodeAnalysis;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Names;

namespace SRegistry.Core.Oci;

/// <summary>The <c>&lt;reference&gt;</c> of a manifest path: a tag, or a digest.</summary>
public static class ManifestReferenceText
{
    /// <summary>
    /// Splits <paramref name="text"/> into a tag or a sha256 digest. Other algorithms (<c>sha512:</c>) are
    /// <see cref="OciError.Unsupported"/>; anything else malformed is <see cref="OciError.DigestInvalid"/> or
    /// <see cref="OciError.ManifestInvalid"/> (a bad tag).
    /// </summary>
    public static OciError TryParse(string text, out string? tag, out BlobDigest? digest, [NotNullWhen(false)] out string? error)
    {
        tag = null;
        digest = null;
        error = null;
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            if (NameValidation.TryValidateTag(text, out var tagError))
            {
                tag = text;
                return OciError.None;
            }

            error = tagError;
            return OciError.ManifestInvalid;
        }

        return TryParseDigest(text, out digest, out error);
    }

    /// <summary>Parses <c>sha256:&lt;64 hex&gt;</c>; <see cref="OciError.Unsupported"/> for other known algorithms.</summary>
    public static OciError TryParseDigest(string? text, out BlobDigest? digest, [NotNullWhen(false)] out string? error)
    {
        digest = null;
        error = null;
        if (text is not null && text.StartsWith("sha256:", StringComparison.Ordinal) && BlobDigest.TryParse(text, out var parsed) && text[7..] == parsed.Hex)
        {
            digest = parsed;
            return OciError.None;
        }

        var algorithm = text?.Split(':')[0];
        if (algorithm is "sha512" or "sha384" or "blake3")
        {
            error = $"The digest algorithm '{algorithm}' is not supported by this registry; use sha256.";
            return OciError.Unsupported;
        }

        error = $"'{NameValidation.Shown(text ?? "")}' is not a valid digest; expected sha256:<64 lowercase hex characters>.";
        return OciError.DigestInvalid;
    }
}
