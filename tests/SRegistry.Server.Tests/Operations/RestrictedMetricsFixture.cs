using SRegistry.Server.Tests.Oci;

namespace SRegistry.Server.Tests.Operations;

/// <summary>A server whose metrics are for a network the tests are not on (TEST-NET-1), or for a token.</summary>
public sealed class RestrictedMetricsFixture : OciServerFixture
{
    public const string MetricsToken = "scraper-secret-0123456789";

    protected override string[] ServerArguments => ["--Metrics:AllowedNetworks:0", "192.0.2.0/24", "--Metrics:Token", MetricsToken];
}
