namespace SRegistry.Server.Web;

/// <summary>The "expires after (days)" field of the token and robot forms: empty for never, else 1 to <see cref="Max"/>.</summary>
public static class ExpiryDays
{
    public const int Max = 3650;

    /// <summary>The expiry the field asks for, or the message to show when it is out of range.</summary>
    public static string? Read(int? days, TimeProvider time, out DateTimeOffset? expiresAt)
    {
        expiresAt = null;
        if (days is null) return null;
        if (days is < 1 or > Max) return $"Expires after must be between 1 and {Max} days, or empty for never.";
        expiresAt = time.GetUtcNow().AddDays(days.Value);
        return null;
    }
}
