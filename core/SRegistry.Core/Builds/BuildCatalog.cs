using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Accounts;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Paging;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Builds;

/// <summary>
/// Builds as users see them: those of a collection they may see (private collections: 404 to others),
/// and cancelling, for those who may manage the collection (or the user the build acts for).
/// </summary>
public sealed class BuildCatalog(RegistryDbContext db, CollectionCatalog collections, BuildScheduler scheduler)
{
    /// <summary>The collection's builds, newest first.</summary>
    public async Task<RegistryResult<Page<Build>>> ListAsync(string entity, string collection, Caller caller, PageRequest page, CancellationToken cancellationToken = default)
    {
        var found = await collections.GetCollectionAsync(entity, collection, caller, cancellationToken);
        if (!found.Succeeded)
            return RegistryResult<Page<Build>>.Failure(found.Error, found.Message);
        var builds = await db.Builds.AsNoTracking().Where(b => b.Entity == entity && b.Collection == collection)
            .OrderByDescending(b => b.QueuedAt).ThenBy(b => b.Id).ToPageAsync(page, cancellationToken);
        return RegistryResult<Page<Build>>.Success(builds);
    }

    /// <summary>One build, when its collection is visible to the caller or the build acts for them.</summary>
    public async Task<RegistryResult<Build>> GetAsync(Guid buildId, Caller caller, CancellationToken cancellationToken = default)
    {
        var build = await db.Builds.AsNoTracking().SingleOrDefaultAsync(b => b.Id == buildId, cancellationToken);
        if (build is null || !await MaySeeAsync(build, caller, cancellationToken))
            return RegistryResult<Build>.Failure(RegistryError.NotFound, $"There is no build with id {buildId}.");
        return RegistryResult<Build>.Success(build);
    }

    /// <summary>Whether the caller may cancel the build: who may manage its collection, or the user it acts for.</summary>
    public async Task<bool> MayCancelAsync(Build build, Caller caller, CancellationToken cancellationToken = default) =>
        (caller.UserId is { } id && id == build.OwnerUserId && caller.Allows(TokenScopes.Delete))
        || await db.Collections.Where(c => c.Entity.Name == build.Entity && c.Name == build.Collection)
            .AnyAsync(AccessPolicy.CanDelete(caller), cancellationToken);

    /// <summary>Cancels a queued or working build; Conflict when it already finished.</summary>
    public async Task<RegistryResult<Build>> CancelAsync(Guid buildId, Caller caller, CancellationToken cancellationToken = default)
    {
        var build = await GetAsync(buildId, caller, cancellationToken);
        if (!build.Succeeded)
            return build;
        if (!await MayCancelAsync(build.Value, caller, cancellationToken))
            return RegistryResult<Build>.Failure(RegistryError.Forbidden,
                "You may not cancel this build: only the owners of its collection or entity, administrators and the user it builds for may, with a token that allows delete.");
        if (!await scheduler.CancelAsync(buildId, caller.Actor, cancellationToken))
            return RegistryResult<Build>.Failure(RegistryError.Conflict, $"The build {buildId} already finished ({build.Value.State}); only queued and working builds can be cancelled.");
        return await GetAsync(buildId, caller, cancellationToken);
    }

    private async Task<bool> MaySeeAsync(Build build, Caller caller, CancellationToken cancellationToken) =>
        (caller.UserId is { } id && id == build.OwnerUserId)
        || await db.VisibleCollections(caller).AnyAsync(c => c.Entity.Name == build.Entity && c.Name == build.Collection, cancellationToken);
}
