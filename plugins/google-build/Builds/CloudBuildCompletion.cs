using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Storage;
using SRegistry.Plugins.GoogleBuild.Storage;

namespace SRegistry.Plugins.GoogleBuild.Builds;

/// <summary>
/// Finishes builds: asks Cloud Build (with the plugin's own credentials) for a build's status and,
/// once it is final, imports the image or reports the failure. Callbacks and polling both only say
/// "look at build X", so nothing they carry is trusted. Keeps the set of unfinished builds to poll;
/// after a restart that set is rebuilt from Cloud Build by the registry's build tag.
/// </summary>
public sealed class CloudBuildCompletion(
    CloudBuildClient builds,
    GoogleCloudStorageClient storage,
    IServiceScopeFactory scopes,
    IOptions<GoogleBuildOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<CloudBuildCompletion> logger)
{
    private readonly GoogleBuildOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, byte> _watched = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task>> _running = new(StringComparer.Ordinal);

    // Outcomes this process delivered: a later callback or poll for them has nothing left to do.
    private readonly ConcurrentDictionary<string, byte> _delivered = new(StringComparer.Ordinal);

    /// <summary>The Cloud Build ids of builds not yet seen finished.</summary>
    public IReadOnlyCollection<string> Watched => [.. _watched.Keys];

    /// <summary>Starts watching a build this registry submitted.</summary>
    public void Watch(string cloudBuildId) => _watched.TryAdd(cloudBuildId, 0);

    /// <summary>Watches again every build with the registry's tag created within the recovery window, and returns their ids.</summary>
    public async Task<IReadOnlyList<string>> RecoverAsync(CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var since = CloudBuildClient.FilterTime(clock.GetUtcNow() - _options.RecoveryWindow);
        // Finished builds are included: one that ended while the server was down still needs its
        // outcome delivered. One already delivered has no image object left and reports are idempotent.
        await foreach (var build in builds.ListAsync($"tags=\"{_options.BuildTag}\" AND create_time>\"{since}\"", cancellationToken).ConfigureAwait(false))
        {
            Watch(build.Id);
            found.Add(build.Id);
        }

        return found;
    }

    /// <summary>Looks at the build now; concurrent calls for the same build share one look.</summary>
    public Task CheckAsync(string cloudBuildId, CancellationToken cancellationToken)
    {
        var look = _running.GetOrAdd(cloudBuildId, id => new Lazy<Task>(() => LookOnceAsync(id)));
        return look.Value.WaitAsync(cancellationToken);
    }

    private async Task LookOnceAsync(string id)
    {
        try
        {
            if (_delivered.ContainsKey(id)) return;
            // The host's lifetime, not a request's: an import must not stop because a callback's caller hung up.
            var stopping = lifetime.ApplicationStopping;
            var build = await builds.GetAsync(id, stopping).ConfigureAwait(false);
            if (build is null || !build.Tags.Contains(_options.BuildTag) || CloudBuildDefinition.JobId(_options.BuildTag, build.Tags) is not { } jobId)
            {
                _watched.TryRemove(id, out _);
                return;
            }

            if (!build.IsFinished)
            {
                Watch(id);
                return;
            }

            await DeliverAsync(build, jobId, stopping).ConfigureAwait(false);
            _delivered.TryAdd(id, 0);
            _watched.TryRemove(id, out _);
        }
        finally
        {
            _running.TryRemove(id, out _);
        }
    }

    private async Task DeliverAsync(CloudBuild build, Guid jobId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reporter = scope.ServiceProvider.GetRequiredService<IBuildReporter>();
        if (build.Status == "CANCELLED")
        {
            await reporter.ReportAsync(new BuildReport(jobId, BuildState.Cancelled, "Cancelled in Google Cloud Build.", build.LogUrl), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (build.Status != "SUCCESS")
        {
            var detail = string.IsNullOrWhiteSpace(build.StatusDetail) ? "" : $": {build.StatusDetail}";
            await reporter.ReportAsync(new BuildReport(jobId, BuildState.Failure, $"Google Cloud Build ended with {build.Status}{detail}; see its logs.", build.LogUrl), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (ParseDigestOutput(build) is not var (digest, size))
        {
            await reporter.ReportAsync(new BuildReport(jobId, BuildState.Failure, "The build succeeded without reporting its image's sha256 and size.", build.LogUrl), cancellationToken).ConfigureAwait(false);
            return;
        }

        var imageObject = CloudBuildDefinition.ImageObject(_options.ObjectPrefix, jobId);
        await using (var image = await storage.DownloadAsync(imageObject, 0, null, null, cancellationToken).ConfigureAwait(false))
        {
            if (image is null)
            {
                // Delivered before (the object is removed after an import), possibly by another instance;
                // reporting a failure here could race that instance's import.
                logger.LogDebug("Cloud Build build {CloudBuildId} of build {BuildId} has no image object left; already delivered", build.Id, jobId);
                return;
            }

            var imported = await reporter.ImportImageAsync(jobId, image, digest, size, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Build {BuildId} image {Digest} from Cloud Build {CloudBuildId}: {Outcome}", jobId, digest, build.Id, imported);
        }

        await storage.DeleteAsync(imageObject, CancellationToken.None).ConfigureAwait(false);
    }

    private static (BlobDigest Digest, long Size)? ParseDigestOutput(CloudBuild build)
    {
        if (build.StepOutputs.Count <= CloudBuildDefinition.DigestStep) return null;
        var parts = Encoding.UTF8.GetString(build.StepOutputs[CloudBuildDefinition.DigestStep]).Trim().Split(' ');
        return parts is [var digestText, var sizeText]
               && BlobDigest.TryParse(digestText, out var digest)
               && long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? (digest, size)
            : null;
    }
}
