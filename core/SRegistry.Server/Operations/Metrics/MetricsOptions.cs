namespace SRegistry.Server.Operations.Metrics;

/// <summary>Bound from <c>Metrics</c>: who may read <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Whether <c>/metrics</c> answers at all (otherwise 404).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Client networks that may scrape without a token; unset = loopback only (a list given replaces it, so the binder cannot append to the default).</summary>
    public List<string>? AllowedNetworks { get; set; }

    /// <summary>The networks in force.</summary>
    public IReadOnlyList<string> EffectiveAllowedNetworks => AllowedNetworks ?? ["127.0.0.0/8", "::1/128"];

    /// <summary>A secret a scraper from anywhere sends as <c>Authorization: Bearer …</c>; empty = none accepted.</summary>
    public string Token { get; set; } = "";
}
