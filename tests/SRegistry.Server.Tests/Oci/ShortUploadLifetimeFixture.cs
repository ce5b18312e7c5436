namespace SRegistry.Server.Tests.Oci;

/// <summary>A server whose OCI uploads expire as soon as they start, to see expired uploads refused and pruned.</summary>
public sealed class ShortUploadLifetimeFixture : OciServerFixture
{
    protected override string[] ServerArguments => ["--Oci:UploadLifetime", "00:00:00.001"];
}
