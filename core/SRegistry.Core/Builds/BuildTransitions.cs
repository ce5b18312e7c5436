using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Builds;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Builds;

/// <summary>
/// Moves a build between states under a row lock, so two instances (or a backend's report racing a
/// cancel) cannot both move it: the first wins and the other sees the new state.
/// </summary>
public sealed class BuildTransitions(RegistryDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// Moves the build to <paramref name="to"/> when it is in one of <paramref name="from"/>, applying
    /// <paramref name="change"/> in the same save. Returns the changed build, or null when there is no such
    /// build or it is in another state (nothing changes then).
    /// </summary>
    public async Task<Build?> MoveAsync(Guid buildId, BuildState[] from, BuildState to, Actor actor, Action<Build>? change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var build = await db.Builds.FromSql($"SELECT * FROM builds WHERE id = {buildId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (build is null || !from.Contains(build.State))
            return null;

        build.State = to;
        var now = time.GetUtcNow();
        if (to == BuildState.Working)
            build.StartedAt ??= now;
        if (BuildRequests.IsFinal(to))
            build.FinishedAt = now;
        change?.Invoke(build);
        var action = to switch { BuildState.Working => BuildAuditActions.Start, BuildState.Cancelled => BuildAuditActions.Cancel, _ => BuildAuditActions.Finish };
        audit.Record(actor, action, Target(build), new { state = to.ToString(), build.Message, build.ImageDigest });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return build;
    }

    /// <summary>The audit target of a build.</summary>
    public static string Target(Build build) => $"build:{build.Id:D} ({build.Entity}/{build.Collection}/{build.Container}:{build.Tag})";
}
