namespace SRegistry.Core.Domain;

/// <summary>
/// A key that may be used once (see <c>IOneTimeUseStore</c>): a pending request a plugin issued, or
/// something it accepted and must refuse if it comes again. Only the key's SHA-256 is kept.
/// </summary>
public sealed class OneTimeUse
{
    public required string Purpose { get; set; }
    public required byte[] KeyHash { get; set; }

    /// <summary>After this the row is forgotten (an issued key can no longer be redeemed).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Whether the key was redeemed or seen (a replay when seen again).</summary>
    public bool Used { get; set; }
}
