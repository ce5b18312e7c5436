namespace SRegistry.Core.Domain;

/// <summary>An expiring capability URL that downloads one image without signing in.</summary>
public sealed class ShareLink
{
    public long Id { get; set; }
    public long ImageId { get; set; }
    public Image Image { get; set; } = null!;

    /// <summary>SHA-256 of the link's secret; the secret itself is only in the URL given to the owner.</summary>
    public required byte[] SecretHash { get; set; }

    public long CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public long UseCount { get; set; }
}
