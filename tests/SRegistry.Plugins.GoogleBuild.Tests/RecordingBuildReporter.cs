using System.Collections.Concurrent;
using System.Security.Cryptography;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Plugins.GoogleBuild.Tests;

/// <summary>
/// Stands in for the core's reporter: records reports and imports, and verifies imported bytes
/// against the announced digest and size as the core does.
/// </summary>
public sealed class RecordingBuildReporter : IBuildReporter
{
    private readonly ConcurrentQueue<BuildReport> _reports = new();
    private readonly ConcurrentQueue<RecordedImport> _imports = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<BuildReport> Reports => [.. _reports];

    public IReadOnlyList<RecordedImport> Imports => [.. _imports];

    public Task ReportAsync(BuildReport report, CancellationToken cancellationToken)
    {
        _reports.Enqueue(report);
        Signal();
        return Task.CompletedTask;
    }

    public async Task<BuildImageImport> ImportImageAsync(Guid buildId, Stream image, BlobDigest digest, long size, CancellationToken cancellationToken)
    {
        var bytes = new MemoryStream();
        await image.CopyToAsync(bytes, cancellationToken);
        var received = BlobDigest.FromHash(SHA256.HashData(bytes.ToArray()));
        var outcome = received == digest && bytes.Length == size ? BuildImageImport.Imported : BuildImageImport.Mismatch;
        _imports.Enqueue(new RecordedImport(buildId, digest, size, received, bytes.ToArray(), outcome));
        Signal();
        return outcome;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; the limit only stops a hung test.</summary>
    public async Task WaitUntilAsync(Func<RecordingBuildReporter, bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (condition(this)) return;
            await changed.WaitAsync(limit.Token);
        }
    }

    private void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
