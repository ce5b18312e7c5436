using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SRegistry.Abstractions.Builds;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Builds;

/// <summary>
/// The build queue: records builds as queued rows (so they survive restarts and any instance may
/// dispatch them), and cancels them. <see cref="BuildDispatcher"/> hands queued builds to the backend.
/// </summary>
public sealed partial class BuildScheduler(
    IServiceScopeFactory scopes, ConfiguredBuildBackend configured, BuildNotifier notifier, BuildDispatchSignal signal, TimeProvider time, ILogger<BuildScheduler> logger)
    : IBuildScheduler
{
    /// <inheritdoc />
    /// <remarks>The build acts with the rights of the user named by <see cref="BuildRequest.RequestedBy"/> when there is one, else as the registry.</remarks>
    public async Task<Guid> EnqueueAsync(BuildRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var owner = await db.Users.Where(u => u.UserName == request.RequestedBy).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken);
        return await EnqueueAsync(NewBuild(request, owner, null), cancellationToken);
    }

    /// <summary>Records a prepared build as queued, tells observers and wakes the dispatcher.</summary>
    public async Task<Guid> EnqueueAsync(Build build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (!configured.Enabled)
            throw new InvalidOperationException(ConfiguredBuildBackend.DisabledMessage);
        if (!NameValidation.TryValidateTag(build.Tag, out var error))
            throw new ArgumentException(error, nameof(build));

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            db.Builds.Add(build);
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record(Actor.System, BuildAuditActions.Queue, BuildTransitions.Target(build),
                new { build.RequestedBy, build.Commit, build.RecipePath });
            await db.SaveChangesAsync(cancellationToken);
        }

        LogQueued(build.Id, build.Entity, build.Collection, build.Container, build.Tag, build.RequestedBy);
        // Observers first, so a pending status is posted before anything the dispatch leads to.
        await notifier.NotifyAsync(build, cancellationToken);
        signal.Raise();
        return build.Id;
    }

    /// <inheritdoc />
    public Task<bool> CancelAsync(Guid buildId, CancellationToken cancellationToken) => CancelAsync(buildId, Actor.System, cancellationToken);

    /// <summary>Cancels a queued or working build on behalf of <paramref name="actor"/>; asks the backend to stop a working one.</summary>
    public async Task<bool> CancelAsync(Guid buildId, Actor actor, CancellationToken cancellationToken)
    {
        Build? cancelled;
        await using (var scope = scopes.CreateAsyncScope())
        {
            cancelled = await scope.ServiceProvider.GetRequiredService<BuildTransitions>().MoveAsync(
                buildId, [BuildState.Queued, BuildState.Working], BuildState.Cancelled, actor, b => b.Message = $"Cancelled by {actor.Name}.", cancellationToken);
        }

        if (cancelled is null)
            return false;
        if (cancelled.BackendId is { } backendId && configured.Backend is { } backend)
        {
            try
            {
                await backend.CancelAsync(backendId, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The build is cancelled here whatever the backend says; its later reports are ignored.
                LogBackendCancelFailed(e, buildId);
            }
        }

        await notifier.NotifyAsync(cancelled, cancellationToken);
        signal.Raise();
        return true;
    }

    /// <summary>A new queued build for a request.</summary>
    public Build NewBuild(BuildRequest request, long? ownerUserId, Guid? connectionId) => new()
    {
        Id = Guid.NewGuid(),
        State = BuildState.Queued,
        Entity = request.Entity,
        Collection = request.Collection,
        Container = request.Container,
        Tag = request.Tag,
        SourceRepository = request.SourceRepository.ToString(),
        Commit = request.Commit,
        RecipePath = request.RecipePath,
        RequestedBy = request.RequestedBy,
        OwnerUserId = ownerUserId,
        ConnectionId = connectionId,
        QueuedAt = time.GetUtcNow(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Build {BuildId} queued for {Entity}/{Collection}/{Container}:{Tag} by {RequestedBy}")]
    private partial void LogQueued(Guid buildId, string entity, string collection, string container, string tag, string requestedBy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The build backend could not cancel build {BuildId}; it is cancelled here anyway")]
    private partial void LogBackendCancelFailed(Exception exception, Guid buildId);
}
