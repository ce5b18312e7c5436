namespace SRegistry.Server.SRegistryCli;

/// <summary>Settings of the sregistry-cli and shub:// door (section <c>SRegistryCli</c>).</summary>
public sealed class SRegistryCliOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SRegistryCli";

    /// <summary>How long a download URL handed out by a pull works. It must outlast a slow download's start, not the download.</summary>
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The server key sregistry-cli tokens are derived with (see <see cref="SRegistryCliKeys"/>); defaults to <c>&lt;data&gt;/keys/sregistry-cli.key</c>.</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>Where uploads wait while their sha256 is computed; defaults to the upload directory.</summary>
    public string SpoolDirectory { get; set; } = "";
}
