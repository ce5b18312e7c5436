using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Builds;

namespace SRegistry.Plugins.GoogleBuild.Builds;

/// <summary>
/// Runs builds on Google Cloud Build (see <see cref="CloudBuildDefinition"/>); their outcomes are
/// delivered by <see cref="CloudBuildCompletion"/> from the callback or the poller.
/// </summary>
public sealed class CloudBuildBackend(CloudBuildClient builds, CloudBuildCompletion completion, IOptions<GoogleBuildOptions> options) : IBuildBackend
{
    /// <summary>The <c>Builds:Provider</c> value that selects this backend.</summary>
    public const string ProviderKey = "google-cloud-build";

    /// <inheritdoc />
    public async Task<string> SubmitAsync(BuildJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var id = await builds.CreateAsync(CloudBuildDefinition.For(job, options.Value), cancellationToken).ConfigureAwait(false);
        completion.Watch(id);
        return id;
    }

    /// <inheritdoc />
    public Task CancelAsync(string backendBuildId, CancellationToken cancellationToken) =>
        builds.CancelAsync(backendBuildId, cancellationToken);
}
