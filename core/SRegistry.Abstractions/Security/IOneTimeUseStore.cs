namespace SRegistry.Abstractions.Security;

/// <summary>
/// Keys that may be used once, shared by every server instance (the core keeps them in the
/// database): pending requests a plugin issued and must see answered at most once (a SAML
/// AuthnRequest id), and a replay cache of things that must never be accepted twice (a SAML
/// assertion id). Keys are namespaced by <c>purpose</c>; the core stores only their hash, so a key
/// may be long or secret. Every operation is atomic across instances.
/// </summary>
public interface IOneTimeUseStore
{
    /// <summary>
    /// Records <paramref name="key"/> as issued for <paramref name="purpose"/>, redeemable once by
    /// <see cref="TryRedeemAsync"/> until <paramref name="expiresAt"/>. The caller must make the key
    /// unguessable (at least 128 random bits) when its secrecy matters.
    /// </summary>
    Task IssueAsync(string purpose, string key, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Returns <c>true</c> exactly once for a key <see cref="IssueAsync"/> recorded for the same
    /// purpose and that has not expired; <c>false</c> for an unknown, expired or already redeemed key.
    /// </summary>
    Task<bool> TryRedeemAsync(string purpose, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Returns <c>true</c> the first time <paramref name="key"/> is seen for <paramref name="purpose"/>
    /// and remembers it until <paramref name="keepUntil"/>; <c>false</c> when it was seen before and
    /// is still remembered (a replay). The caller must refuse anything accepted after
    /// <paramref name="keepUntil"/> on its own (for example by its expiry), since the key is forgotten then.
    /// </summary>
    Task<bool> TryUseOnceAsync(string purpose, string key, DateTimeOffset keepUntil, CancellationToken cancellationToken);
}
