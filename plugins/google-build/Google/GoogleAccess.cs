using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.Options;

namespace SRegistry.Plugins.GoogleBuild.Google;

/// <summary>
/// The plugin's Google identity: OAuth access tokens for the REST calls and RSA-SHA256 signatures
/// for signed URLs, from a service-account key file or the metadata server (Google.Apis.Auth
/// caches and refreshes the tokens). Created on first use, so configuring services reads no file.
/// </summary>
public sealed class GoogleAccess
{
    private const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";
    private readonly Lazy<GoogleCredential> _credential;

    /// <summary>Creates the access from the validated options.</summary>
    public GoogleAccess(IOptions<GoogleBuildOptions> options)
    {
        var settings = options.Value;
        _credential = new Lazy<GoogleCredential>(() => Create(settings));
    }

    /// <summary>A current access token for the cloud-platform scope.</summary>
    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        ((ITokenAccess)_credential.Value).GetAccessTokenForRequestAsync(cancellationToken: cancellationToken);

    /// <summary>
    /// Signs <paramref name="data"/> with RSA-SHA256 as the service account and returns the base64
    /// signature: locally with a key file, through the IAM signBlob API on the metadata server.
    /// </summary>
    public Task<string> SignAsync(byte[] data, CancellationToken cancellationToken) =>
        _credential.Value.SignBlobAsync(data, cancellationToken);

    /// <summary>The service account's e-mail address, which signed URLs name as their signer.</summary>
    public async Task<string> GetAccountEmailAsync(CancellationToken cancellationToken) =>
        _credential.Value.UnderlyingCredential switch
        {
            ServiceAccountCredential account => account.Id,
            ComputeCredential compute => await compute.GetDefaultServiceAccountEmailAsync(cancellationToken).ConfigureAwait(false),
            var other => throw new InvalidOperationException($"Credentials of type {other.GetType().Name} cannot sign URLs."),
        };

    private static GoogleCredential Create(GoogleBuildOptions options)
    {
        if (options.CredentialsFile.Length > 0)
        {
            // The key's own token_uri is honoured, which is how tests point token requests at a fake.
            return CredentialFactory.FromFile<ServiceAccountCredential>(options.CredentialsFile).ToGoogleCredential().CreateScoped(CloudPlatformScope);
        }

        var tokenUrl = options.MetadataServerUrl.TrimEnd('/') + "/computeMetadata/v1/instance/service-accounts/default/token";
        return new ComputeCredential(new ComputeCredential.Initializer(tokenUrl)).ToGoogleCredential().CreateScoped(CloudPlatformScope);
    }
}
