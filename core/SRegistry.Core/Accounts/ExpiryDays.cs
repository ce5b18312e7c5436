namespace SRegistry.Core.Accounts;

/// <summary>A token's lifetime given in days (the web forms, the admin command line): none for never, else 1 to <see cref="Max"/>.</summary>
public static class ExpiryDays
{
    public const int Max = 3650;

    /// <summary>The expiry <paramref name="days"/> asks for, or the message to show when it is out of range.</summary>
    public static string? Read(int? days, TimeProvider time, out DateTimeOffset? expiresAt)
    {
        expiresAt = null;
        if (days is null) return null;
        if (days is < 1 or > Max) return $"A token expires after between 1 and {Max} days, or never; {days} days is out of that range.";
        expiresAt = time.GetUtcNow().AddDays(days.Value);
        return null;
    }
}
