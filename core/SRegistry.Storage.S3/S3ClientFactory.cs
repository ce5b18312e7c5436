using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace SRegistry.Storage.S3;

/// <summary>Builds the S3 client the options describe.</summary>
public static class S3ClientFactory
{
    /// <summary>A client for the configured endpoint (or AWS region), with explicit keys or the SDK's default credential chain.</summary>
    public static IAmazonS3 Create(S3BlobStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // Checksums only where S3 requires them: several S3-compatible services reject the newer
            // default trailing checksums, and the store verifies every blob's sha256 itself.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = TimeSpan.FromMinutes(10),
        };
        if (options.ServiceUrl.Length > 0)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return options.AccessKeyId.Length > 0
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config)
            : new AmazonS3Client(config);
    }
}
