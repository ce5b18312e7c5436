namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>Settings of the github-webhooks plugin, bound from <c>Plugins:github-webhooks</c> and validated at start.</summary>
public sealed class GitHubWebhooksOptions
{
    /// <summary>The GitHub REST API root: <c>https://api.github.com</c>, or <c>https://HOST/api/v3</c> for GitHub Enterprise Server.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.github.com";

    /// <summary>A token (fine-grained or classic) allowed to write commit statuses; or leave empty and configure a GitHub App.</summary>
    public string Token { get; set; } = "";

    /// <summary>The GitHub App's id, used with <see cref="PrivateKeyFile"/> instead of <see cref="Token"/>.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The GitHub App's private key (PEM file); the plugin signs app JWTs with it and exchanges them for installation tokens.</summary>
    public string PrivateKeyFile { get; set; } = "";

    /// <summary>The registry's public base URL (for example <c>https://sregistry.example.org</c>); commit statuses link to build pages under it.</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>The largest webhook body accepted, in bytes (GitHub caps payloads at 25 MB).</summary>
    public int MaxPayloadBytes { get; set; } = 25 * 1024 * 1024;
}
