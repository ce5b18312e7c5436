using Microsoft.Extensions.Options;

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>Refuses, at start, settings that could not work, saying what to fix.</summary>
public sealed class GitHubWebhooksOptionsValidator : IValidateOptions<GitHubWebhooksOptions>
{
    private const string Section = "Plugins:github-webhooks";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GitHubWebhooksOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
            errors.Add($"{Section}:ApiBaseUrl must be an absolute http(s) URL such as https://api.github.com or https://github.example.org/api/v3.");
        var app = options.AppId.Length > 0 || options.PrivateKeyFile.Length > 0;
        if (options.Token.Length == 0 && !app)
            errors.Add($"Set {Section}:Token (a token that may write commit statuses) or {Section}:AppId and PrivateKeyFile (a GitHub App installed on the repositories).");
        if (options.Token.Length > 0 && app)
            errors.Add($"Set either {Section}:Token or the GitHub App ({Section}:AppId and PrivateKeyFile), not both.");
        if (app && (!long.TryParse(options.AppId, out var id) || id <= 0))
            errors.Add($"{Section}:AppId must be the GitHub App's numeric id.");
        if (app && !File.Exists(options.PrivateKeyFile))
            errors.Add($"{Section}:PrivateKeyFile '{options.PrivateKeyFile}' does not exist; download the App's private key (.pem) and point to it.");
        if (options.PublicUrl.Length > 0 && !Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out _))
            errors.Add($"{Section}:PublicUrl must be the registry's absolute base URL, such as https://sregistry.example.org.");
        if (options.MaxPayloadBytes <= 0)
            errors.Add($"{Section}:MaxPayloadBytes must be a positive number of bytes.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
