namespace SRegistry.Core.Domain;

/// <summary>A named API token. Only a hash of the secret is stored; the secret is shown once.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public User User { get; set; } = null!;
    public required string Name { get; set; }

    /// <summary>SHA-256 of the secret: tokens are random and long, so a fast hash is enough.</summary>
    public required byte[] SecretHash { get; set; }

    /// <summary>The first characters of the secret, to recognise a token in lists.</summary>
    public required string Prefix { get; set; }

    /// <summary>What the token may do, for example <c>pull</c>, <c>push</c>; empty means everything its user may.</summary>
    public string[] Scopes { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
