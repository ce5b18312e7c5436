using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Builds;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Builds;

/// <summary>
/// Claims queued builds for dispatch, oldest first, never letting more than
/// <see cref="BuildOptions.MaxConcurrent"/> be Working across all instances.
/// </summary>
public sealed class BuildClaims(RegistryDbContext db, AuditLog audit, IOptions<BuildOptions> options, TimeProvider time)
{
    // Serialises claiming across instances for the length of one transaction, so two instances cannot
    // both see a free slot and fill it twice. Distinct from the migration lock's key.
    private const long ClaimLockKey = 0x5352_4275_696C_6473;

    /// <summary>How long a claimed build may wait for a backend's id before it counts as abandoned; submitting takes seconds.</summary>
    public static readonly TimeSpan UnsubmittedAfter = TimeSpan.FromMinutes(10);

    /// <summary>Moves as many queued builds to Working as there are free slots, and returns them.</summary>
    public async Task<IReadOnlyList<Build>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ClaimLockKey})", cancellationToken);
        var working = await db.Builds.CountAsync(b => b.State == BuildState.Working, cancellationToken);
        var free = options.Value.MaxConcurrent - working;
        if (free <= 0)
            return [];

        // SKIP LOCKED: a row a cancel holds right now is simply left for the next round.
        var claimed = await db.Builds
            .FromSql($"SELECT * FROM builds WHERE state = 'Queued' ORDER BY queued_at, id LIMIT {free} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var build in claimed)
        {
            build.State = BuildState.Working;
            build.StartedAt = now;
            audit.Record(Actor.System, BuildAuditActions.Start, BuildTransitions.Target(build));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>
    /// Fails builds claimed more than <see cref="UnsubmittedAfter"/> ago that no backend ever took (the
    /// claiming instance stopped, or the database failed, between claim and submission), so they do not
    /// hold a slot for ever. Failed rather than queued again: the backend may have started one after all.
    /// Returns them, for the notifications.
    /// </summary>
    public async Task<IReadOnlyList<Build>> FailUnsubmittedAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - UnsubmittedAfter;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stale = await db.Builds
            .FromSql($"SELECT * FROM builds WHERE state = 'Working' AND backend_id IS NULL AND started_at < {cutoff} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var build in stale)
        {
            build.State = BuildState.Failure;
            build.FinishedAt = now;
            build.Message = "The build was claimed but never handed to the build backend (a server instance stopped?); start it again.";
            audit.Record(Actor.System, BuildAuditActions.Finish, BuildTransitions.Target(build), new { state = build.State.ToString(), build.Message });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stale;
    }

    /// <summary>Records the backend's id of a build it accepted, whatever state the build reached meanwhile.</summary>
    public Task RecordBackendIdAsync(Guid buildId, string backendId, CancellationToken cancellationToken) =>
        db.Builds.Where(b => b.Id == buildId).ExecuteUpdateAsync(s => s.SetProperty(b => b.BackendId, backendId), cancellationToken);
}
