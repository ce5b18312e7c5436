using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SRegistry.Plugins.GoogleBuild;

/// <summary>Refuses, at start, settings that could not work, saying what to fix.</summary>
public sealed partial class GoogleBuildOptionsValidator : IValidateOptions<GoogleBuildOptions>
{
    private const string Section = "Plugins:google-build";
    private const int ChunkGranularity = 256 * 1024;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GoogleBuildOptions options)
    {
        var errors = new List<string>();
        // Empty ones are reported by the [Required] attributes; only say more about a wrong value.
        if (options.ProjectId.Length > 0 && !ProjectIdPattern().IsMatch(options.ProjectId))
            errors.Add($"{Section}:ProjectId '{options.ProjectId}' is not a Google Cloud project id (6-30 lowercase letters, digits and hyphens, starting with a letter).");
        if (options.Bucket.Length > 0 && !BucketPattern().IsMatch(options.Bucket))
            errors.Add($"{Section}:Bucket '{options.Bucket}' is not a bucket name (3-63 lowercase letters, digits, '-', '_' and '.').");
        if (options.CredentialsFile.Length > 0) CheckKeyFile(errors, options.CredentialsFile);
        else RequireUrl(errors, "MetadataServerUrl", options.MetadataServerUrl);
        RequireUrl(errors, "StorageBaseUrl", options.StorageBaseUrl);
        RequireUrl(errors, "CloudBuildBaseUrl", options.CloudBuildBaseUrl);
        if (options.ObjectPrefix.StartsWith('/') || options.ObjectPrefix.Contains("..", StringComparison.Ordinal))
            errors.Add($"{Section}:ObjectPrefix '{options.ObjectPrefix}' must be a relative object-name prefix such as sregistry/.");
        if (options.UploadChunkSize <= 0 || options.UploadChunkSize % ChunkGranularity != 0)
            errors.Add($"{Section}:UploadChunkSize must be a positive multiple of 262144 (256 KiB), such as 8388608.");
        foreach (var (key, image) in new[] { ("BuilderImage", options.BuilderImage), ("GitImage", options.GitImage), ("ToolsImage", options.ToolsImage) })
        {
            if (string.IsNullOrWhiteSpace(image) || image.Any(char.IsWhiteSpace))
                errors.Add($"{Section}:{key} must name a container image, such as {image switch { "" => "gcr.io/cloud-builders/git", _ => image.Trim() }}.");
        }

        if (options.BuildTimeout < TimeSpan.FromMinutes(1) || options.BuildTimeout > TimeSpan.FromHours(24))
            errors.Add($"{Section}:BuildTimeout must be between 00:01:00 and 1.00:00:00 (Cloud Build's limit).");
        if (!BuildTagPattern().IsMatch(options.BuildTag))
            errors.Add($"{Section}:BuildTag '{options.BuildTag}' must be 1-80 letters, digits, '_', '.' or '-', starting with a letter or digit.");
        if (options.CallbackSecret.Length is > 0 and < 32)
            errors.Add($"{Section}:CallbackSecret must be at least 32 characters (a random string), or empty to rely on polling only.");
        if (options.PollInterval <= TimeSpan.Zero)
            errors.Add($"{Section}:PollInterval must be a positive time span, such as 00:00:30.");
        if (options.RecoveryWindow <= TimeSpan.Zero)
            errors.Add($"{Section}:RecoveryWindow must be a positive time span, such as 7.00:00:00.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckKeyFile(List<string> errors, string path)
    {
        if (!File.Exists(path))
        {
            errors.Add($"{Section}:CredentialsFile '{path}' does not exist; give the path of a service-account key (JSON), or leave it empty to use the metadata server.");
            return;
        }

        try
        {
            using var key = JsonDocument.Parse(File.ReadAllText(path));
            var root = key.RootElement;
            if (!root.TryGetProperty("type", out var type) || type.GetString() != "service_account"
                || !root.TryGetProperty("private_key", out _) || !root.TryGetProperty("client_email", out _))
                errors.Add($"{Section}:CredentialsFile '{path}' is not a service-account key (expected \"type\": \"service_account\" with private_key and client_email).");
        }
        catch (JsonException e)
        {
            errors.Add($"{Section}:CredentialsFile '{path}' is not JSON ({e.Message}); give a service-account key file.");
        }
    }

    private static void RequireUrl(List<string> errors, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            errors.Add($"{Section}:{key} '{value}' is not an http(s) URL.");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$")]
    private static partial Regex ProjectIdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][\w.-]{0,79}$")]
    private static partial Regex BuildTagPattern();
}
