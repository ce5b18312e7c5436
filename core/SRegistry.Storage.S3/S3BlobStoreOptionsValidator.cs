using Microsoft.Extensions.Options;

namespace SRegistry.Storage.S3;

/// <summary>Refuses S3 options that cannot work, each with a message naming the setting and a valid value.</summary>
public sealed class S3BlobStoreOptionsValidator : IValidateOptions<S3BlobStoreOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, S3BlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Bucket))
            failures.Add("Storage:S3:Bucket must name an existing bucket.");
        if (options.ServiceUrl.Length > 0
            && (!Uri.TryCreate(options.ServiceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
            failures.Add($"Storage:S3:ServiceUrl '{options.ServiceUrl}' must be an absolute http(s) URL such as https://minio.example.org:9000, or empty for AWS.");
        if (string.IsNullOrWhiteSpace(options.Region))
            failures.Add("Storage:S3:Region must name a region such as us-east-1.");
        if (options.AccessKeyId.Length > 0 != options.SecretAccessKey.Length > 0)
            failures.Add("Storage:S3:AccessKeyId and Storage:S3:SecretAccessKey go together: set both, or neither to use the SDK's default credentials.");
        if (options.PartSize is < S3BlobStoreOptions.MinimumPartSize or > S3BlobStoreOptions.MaximumPartSize)
            failures.Add($"Storage:S3:PartSize must be between {S3BlobStoreOptions.MinimumPartSize} (5 MiB) and {S3BlobStoreOptions.MaximumPartSize} (1 GiB) bytes, not {options.PartSize}.");
        if (options.UrlLifetime <= TimeSpan.Zero || options.UrlLifetime > TimeSpan.FromDays(7))
            failures.Add($"Storage:S3:UrlLifetime must be a positive time span of at most 7 days, such as 00:15:00, not {options.UrlLifetime}.");
        if (options.Prefix.StartsWith('/'))
            failures.Add($"Storage:S3:Prefix '{options.Prefix}' must not start with '/'; use e.g. sregistry/.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
