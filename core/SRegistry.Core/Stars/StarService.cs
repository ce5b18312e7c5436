using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Paging;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Stars;

/// <summary>
/// Users' stars on containers. Only containers the caller may see can be starred, and a star on a
/// container that has become invisible to its user (its collection turned private) stays hidden.
/// Stars are not audited: they change nothing anyone else relies on.
/// </summary>
public sealed class StarService(RegistryDbContext db, TimeProvider time)
{
    /// <summary>Stars a container; starring it again changes nothing.</summary>
    /// <returns>The container with its <see cref="Container.Collection"/> and that one's <see cref="Collection.Entity"/>.</returns>
    public async Task<RegistryResult<Container>> StarAsync(long containerId, Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.UserId is not { } userId)
            return SignedInOnly("Starring");
        var container = await FindAsync(containerId, caller, cancellationToken);
        if (container is null)
            return NoContainer(containerId);
        if (await db.Stars.AnyAsync(s => s.UserId == userId && s.ContainerId == containerId, cancellationToken))
            return RegistryResult<Container>.Success(container);

        db.Stars.Add(new Star { UserId = userId, ContainerId = containerId, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            // The same user starred it at the same moment (two clicks, two tabs): the star is there, as asked.
            SaveConflicts.DiscardAdded(db);
        }

        return RegistryResult<Container>.Success(container);
    }

    /// <summary>Takes the caller's star off a container; without a star it changes nothing.</summary>
    /// <returns>The container with its <see cref="Container.Collection"/> and that one's <see cref="Collection.Entity"/>.</returns>
    public async Task<RegistryResult<Container>> UnstarAsync(long containerId, Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.UserId is not { } userId)
            return SignedInOnly("Unstarring");
        var container = await FindAsync(containerId, caller, cancellationToken);
        if (container is null)
            return NoContainer(containerId);

        await db.Stars.Where(s => s.UserId == userId && s.ContainerId == containerId).ExecuteDeleteAsync(cancellationToken);
        return RegistryResult<Container>.Success(container);
    }

    /// <summary>
    /// The caller's starred containers that they may still see, each with its <see cref="Container.Collection"/>
    /// and that one's <see cref="Collection.Entity"/>, ordered by entity, collection and container name.
    /// </summary>
    public async Task<RegistryResult<Page<Container>>> ListStarredAsync(Caller caller, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (caller.UserId is not { } userId)
            return RegistryResult<Page<Container>>.Failure(RegistryError.Forbidden, "Stars belong to signed-in users; sign in to list yours.");

        var starred = await StarredBy(userId, caller).AsNoTracking()
            .Include(c => c.Collection).ThenInclude(c => c.Entity)
            .OrderBy(c => c.Collection.Entity.Name).ThenBy(c => c.Collection.Name).ThenBy(c => c.Name)
            .ToPageAsync(page, cancellationToken);
        return RegistryResult<Page<Container>>.Success(starred);
    }

    /// <summary>How many users have starred the container (whoever asks; the number reveals no one).</summary>
    public Task<int> CountAsync(long containerId, CancellationToken cancellationToken = default) =>
        db.Stars.CountAsync(s => s.ContainerId == containerId, cancellationToken);

    /// <summary>Whether the caller has starred the container and may still see it; false for anonymous callers.</summary>
    public async Task<bool> IsStarredAsync(long containerId, Caller caller, CancellationToken cancellationToken = default) =>
        caller.UserId is { } userId && await StarredBy(userId, caller).AnyAsync(c => c.Id == containerId, cancellationToken);

    private IQueryable<Container> StarredBy(long userId, Caller caller) =>
        db.VisibleContainers(caller).Where(c => db.Stars.Any(s => s.UserId == userId && s.ContainerId == c.Id));

    private Task<Container?> FindAsync(long containerId, Caller caller, CancellationToken cancellationToken) =>
        db.VisibleContainers(caller).AsNoTracking().Include(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(c => c.Id == containerId, cancellationToken);

    private static RegistryResult<Container> SignedInOnly(string what) =>
        RegistryResult<Container>.Failure(RegistryError.Forbidden, $"{what} a container needs a signed-in user.");

    private static RegistryResult<Container> NoContainer(long containerId) =>
        RegistryResult<Container>.Failure(RegistryError.NotFound, $"There is no container with id {containerId}.");
}
