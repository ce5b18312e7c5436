using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>Entities (namespaces): lookup, creation and storage use. Entities are public; their collections may not be.</summary>
public sealed class EntityCatalog(RegistryDbContext db, AuditLog audit, TimeProvider time, IOptions<CatalogOptions> options)
{
    /// <summary>
    /// The entity called <paramref name="name"/>, with <see cref="Entity.Collections"/> holding only the
    /// collections the caller may see (without their containers).
    /// </summary>
    public async Task<RegistryResult<Entity>> GetEntityAsync(string name, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidatePart(name, "entity name", out var error))
            return RegistryResult<Entity>.Failure(RegistryError.InvalidName, error);
        var entity = await db.Entities.AsNoTracking().SingleOrDefaultAsync(e => e.Name == name, cancellationToken);
        if (entity is null)
            return RegistryResult<Entity>.Failure(RegistryError.NotFound, $"There is no entity named '{name}'.");

        entity.Collections = await db.VisibleCollections(caller).AsNoTracking()
            .Where(c => c.EntityId == entity.Id).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return RegistryResult<Entity>.Success(entity);
    }

    /// <summary>
    /// Creates an entity. Administrators may create any name (owned by the user or team of that name,
    /// if there is one); everyone else only the entity named after themselves or after a team they own.
    /// </summary>
    /// <param name="name">The entity name (part rule of <see cref="NameValidation"/>).</param>
    /// <param name="description">An optional description.</param>
    /// <param name="defaultPrivate">Whether its collections start private; null for <see cref="CatalogOptions.DefaultPrivate"/>.</param>
    /// <param name="caller">Who asks; needs the <c>push</c> scope.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<RegistryResult<Entity>> CreateEntityAsync(
        string name, string? description, bool? defaultPrivate, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidatePart(name, "entity name", out var error))
            return RegistryResult<Entity>.Failure(RegistryError.InvalidName, error);

        var teamId = await db.Teams.Where(t => t.Name == name).Select(t => (long?)t.Id).SingleOrDefaultAsync(cancellationToken);
        var ownsTeam = teamId is not null && caller.UserId is { } userId && await db.TeamMembers
            .AnyAsync(m => m.TeamId == teamId && m.UserId == userId && m.Role == TeamRole.Owner, cancellationToken);
        if (!AccessPolicy.MayCreateEntity(caller, name, ownsTeam))
            return RegistryResult<Entity>.Failure(RegistryError.Forbidden, caller.IsAnonymous || !caller.Allows(TokenScopes.Push)
                ? $"Creating the entity '{name}' needs a signed-in user whose token allows '{TokenScopes.Push}'."
                : $"You may create only the entity named after you ('{caller.UserName}') or after a team you own; '{name}' is neither.");
        if (await db.Entities.AnyAsync(e => e.Name == name, cancellationToken))
            return RegistryResult<Entity>.Failure(RegistryError.AlreadyExists, $"An entity named '{name}' already exists.");

        var entity = new Entity
        {
            Name = name,
            Description = CatalogText.Description(description),
            DefaultPrivate = defaultPrivate ?? options.Value.DefaultPrivate,
            CreatedAt = time.GetUtcNow(),
        };
        if (name == caller.UserName)
            entity.OwnerUserId = caller.UserId;
        else if (ownsTeam)
            entity.OwnerTeamId = teamId;
        else if (await db.Users.Where(u => u.UserName == name).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken) is { } namesake)
            entity.OwnerUserId = namesake;
        else
            entity.OwnerTeamId = teamId;

        db.Entities.Add(entity);
        audit.Record(caller.Actor, CatalogAuditActions.EntityCreate, $"entity:{name}",
            new { ownerUserId = entity.OwnerUserId, ownerTeamId = entity.OwnerTeamId, entity.DefaultPrivate });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            SaveConflicts.DiscardAdded(db);
            return RegistryResult<Entity>.Failure(RegistryError.AlreadyExists, $"An entity named '{name}' already exists.");
        }

        return RegistryResult<Entity>.Success(entity);
    }

    /// <summary>
    /// The bytes the entity's uploaded images take (content shared by several of its images counted
    /// once, as the store keeps it once) and its quota.
    /// </summary>
    public async Task<RegistryResult<QuotaUsage>> GetUsageAsync(long entityId, CancellationToken cancellationToken = default)
    {
        var entity = await db.Entities.Where(e => e.Id == entityId).Select(e => new { e.QuotaBytes }).SingleOrDefaultAsync(cancellationToken);
        if (entity is null)
            return RegistryResult<QuotaUsage>.Failure(RegistryError.NotFound, $"There is no entity with id {entityId}.");

        var used = await db.Images
            .Where(i => i.Uploaded && i.Container.Collection.EntityId == entityId)
            .GroupBy(i => i.Digest)
            .Select(g => g.Max(i => i.Size))
            .SumAsync(cancellationToken);
        return RegistryResult<QuotaUsage>.Success(new QuotaUsage(used, entity.QuotaBytes));
    }
}
