using SRegistry.Core.Usage;

namespace SRegistry.Core.Quotas;

/// <summary>An account's storage: what its collections hold and how much they may.</summary>
/// <param name="Kind">A user or a team.</param>
/// <param name="Id">The user's or team's id.</param>
/// <param name="Name">The user's or team's name.</param>
/// <param name="UsedBytes">Bytes of the uploaded images in its collections, each distinct content counted once.</param>
/// <param name="LimitBytes">The most it may hold; null = no limit.</param>
/// <param name="OwnLimit">Whether the limit is the account's own (set by an administrator) rather than the default.</param>
public sealed record AccountQuota(OwnerKind Kind, long Id, string Name, long UsedBytes, long? LimitBytes, bool OwnLimit)
{
    /// <summary>Whether <paramref name="requestedBytes"/> more would go past the limit.</summary>
    public bool WouldExceed(long requestedBytes) => LimitBytes is { } limit && UsedBytes + requestedBytes > limit;

    /// <summary>The refusal a door sends, with the numbers.</summary>
    public string Refusal(long requestedBytes) =>
        $"Storage quota exceeded for {Kind.ToString().ToLowerInvariant()} '{Name}': {UsedBytes} of {LimitBytes} bytes used, "
        + $"and this upload needs {requestedBytes} more (used {UsedBytes}, limit {LimitBytes}, requested {requestedBytes}). "
        + "Delete images you no longer need, or ask an administrator for a larger quota. Nothing was stored.";
}
