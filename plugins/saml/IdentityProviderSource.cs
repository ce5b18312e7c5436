using Microsoft.Extensions.Options;

namespace SRegistry.Plugins.Saml;

/// <summary>
/// The identity provider as its metadata describes it: read from the file once, or fetched from the
/// URL on first use and again after an hour (so a key rollover at the provider is picked up).
/// </summary>
public sealed class IdentityProviderSource(IOptions<SamlOptions> options, IHttpClientFactory http, TimeProvider time)
{
    private static readonly TimeSpan UrlRefresh = TimeSpan.FromHours(1);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IdentityProviderDescriptor? _current;
    private DateTimeOffset _fetchedAt;

    /// <summary>The identity provider, or a <see cref="SamlRefusedException"/> when its metadata cannot be had.</summary>
    public async Task<IdentityProviderDescriptor> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } known)
            return known;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another sign-in may have fetched it while this one waited.
            if (Fresh() is { } fetched)
                return fetched;
            var settings = options.Value;
            var xml = settings.IdentityProviderMetadataFile.Length > 0
                ? await File.ReadAllTextAsync(settings.IdentityProviderMetadataFile, cancellationToken)
                : await FetchAsync(settings.IdentityProviderMetadataUrl, cancellationToken);
            _current = IdentityProviderMetadataParser.Parse(xml);
            _fetchedAt = time.GetUtcNow();
            return _current;
        }
        catch (SamlRefusedException) when (_current is { } stale)
        {
            // An unreachable or broken metadata URL must not stop sign-ins the last good metadata still allows,
            // nor make each of them wait for it: the next attempt is a minute away.
            _fetchedAt = time.GetUtcNow() - UrlRefresh + RetryAfterFailure;
            return stale;
        }
        finally
        {
            _gate.Release();
        }
    }

    private IdentityProviderDescriptor? Fresh() =>
        _current is { } known && (options.Value.IdentityProviderMetadataFile.Length > 0 || time.GetUtcNow() - _fetchedAt < UrlRefresh) ? known : null;

    private async Task<string> FetchAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var client = http.CreateClient(SamlPaths.Scheme);
            client.Timeout = TimeSpan.FromSeconds(15);
            return await client.GetStringAsync(url, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SamlRefusedException("The identity provider's metadata could not be loaded; try again later or ask an administrator.",
                $"fetching {url} failed: {e.Message}");
        }
    }
}
