using System.Diagnostics.CodeAnalysis;

namespace SRegistry.Abstractions.Storage;

/// <summary>A sha256 content address: 64 lowercase hexadecimal characters.</summary>
/// <remarks>
/// Doors spell it differently (<c>sha256:hex</c> in OCI, <c>sha256.hex</c> in the library API);
/// <see cref="TryParse"/> accepts every spelling and <see cref="ToString"/> gives the OCI one.
/// </remarks>
public readonly record struct BlobDigest
{
    private BlobDigest(string hex) => Hex = hex;

    /// <summary>The 64 lowercase hexadecimal characters.</summary>
    public string Hex { get; }

    /// <summary>Creates a digest from the bytes of a finished sha256 hash.</summary>
    public static BlobDigest FromHash(ReadOnlySpan<byte> sha256) =>
        sha256.Length == 32 ? new BlobDigest(Convert.ToHexStringLower(sha256)) : throw new ArgumentException("A sha256 hash has 32 bytes.", nameof(sha256));

    /// <summary>
    /// Parses <c>sha256:hex</c>, <c>sha256.hex</c> or bare hex (any letter case).
    /// Returns false for anything else, including other algorithms.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out BlobDigest digest)
    {
        digest = default;
        if (text is null) return false;
        var hex = text.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("sha256.", StringComparison.OrdinalIgnoreCase)
            ? text[7..]
            : text;
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit)) return false;
        digest = new BlobDigest(hex.ToLowerInvariant());
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/> and throws <see cref="FormatException"/> when it fails.</summary>
    public static BlobDigest Parse(string text) =>
        TryParse(text, out var digest) ? digest : throw new FormatException($"'{text}' is not a sha256 digest (expected sha256:<64 hex characters>).");

    /// <summary>The OCI spelling, <c>sha256:hex</c>.</summary>
    public override string ToString() => "sha256:" + Hex;
}
