namespace SRegistry.Core.Oci;

/// <summary>How the OCI distribution door behaves (section <c>Oci</c>); the host binds it once at start.</summary>
public sealed class OciOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Oci";

    /// <summary>How long a blob upload may stay unfinished before it and its bytes are pruned.</summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The largest manifest accepted, in bytes (the spec suggests at least 4 MiB).</summary>
    public int MaxManifestSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a bearer token from <c>/v2/token</c> works.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The <c>service</c> named in challenges and tokens.</summary>
    public string Service { get; set; } = "sregistry";
}
