using System.Net.Http.Headers;

namespace SRegistry.Plugins.GoogleBuild.Google;

/// <summary>Adds the plugin's OAuth access token to every request of the Google HTTP client.</summary>
public sealed class GoogleBearerTokenHandler(GoogleAccess access) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await access.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
