namespace SRegistry.Core.Sharing;

/// <summary>Share link settings, bound by the host from the <c>Sharing</c> section.</summary>
public sealed class SharingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Sharing";

    /// <summary>The shortest lifetime a link may be given.</summary>
    public static readonly TimeSpan MinLifetime = TimeSpan.FromMinutes(1);

    /// <summary>The longest lifetime an owner may give a link (default 30 days): a capability should not outlive its purpose.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(30);
}
