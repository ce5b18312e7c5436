using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>
/// What owners change about a collection: description, privacy, members, and deleting it. Owners are
/// those who may delete in it (<see cref="AccessPolicy.CanDelete"/>): entity owners, owner members and
/// administrators, with a token that allows delete.
/// </summary>
public sealed class CollectionSettings(RegistryDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Whether the caller may change the collection: what decides who sees its settings.</summary>
    /// <remarks>Robots never manage, even with delete: a leaked CI token must not hand out rights.</remarks>
    public async Task<bool> MayManageAsync(long collectionId, Caller caller, CancellationToken cancellationToken = default) =>
        !caller.IsRobot && await db.IsAllowedAsync(collectionId, AccessPolicy.CanDelete(caller), cancellationToken);

    /// <summary>Changes the description (null keeps it, empty clears it) and the privacy (null keeps it).</summary>
    public async Task<RegistryResult<Collection>> UpdateAsync(long collectionId, string? description, bool? isPrivate, Caller caller, CancellationToken cancellationToken = default)
    {
        var collection = await OwnedAsync(collectionId, caller, "change", cancellationToken);
        if (!collection.Succeeded)
            return collection;
        var changed = collection.Value;
        if (description is not null)
            changed.Description = CatalogText.Description(description);
        if (isPrivate is { } privacy && privacy != changed.IsPrivate)
        {
            changed.IsPrivate = privacy;
            audit.Record(caller.Actor, privacy ? CatalogAuditActions.CollectionHide : CatalogAuditActions.CollectionPublish, "collection:" + CatalogText.Path(changed));
        }

        changed.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return collection;
    }

    /// <summary>The members of a visible collection, users and teams loaded.</summary>
    public async Task<RegistryResult<IReadOnlyList<CollectionMember>>> ListMembersAsync(long collectionId, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!await db.VisibleCollections(caller).AnyAsync(c => c.Id == collectionId, cancellationToken))
            return RegistryResult<IReadOnlyList<CollectionMember>>.Failure(RegistryError.NotFound, $"There is no collection with id {collectionId}.");
        var members = await db.CollectionMembers.AsNoTracking().Include(m => m.User).Include(m => m.Team)
            .Where(m => m.CollectionId == collectionId).ToListAsync(cancellationToken);
        return RegistryResult<IReadOnlyList<CollectionMember>>.Success(
            [.. members.OrderBy(m => m.TeamId is null ? 0 : 1).ThenBy(m => m.User?.UserName ?? m.Team!.Name, StringComparer.Ordinal)]);
    }

    /// <summary>Makes any active user or any team an owner or contributor of the collection, or changes their role.</summary>
    public async Task<RegistryResult<CollectionMember>> SetMemberAsync(
        long collectionId, MemberKind kind, string name, CollectionRole role, Caller caller, CancellationToken cancellationToken = default)
    {
        var collection = await OwnedAsync(collectionId, caller, "change the members of", cancellationToken);
        if (!collection.Succeeded)
            return RegistryResult<CollectionMember>.Failure(collection.Error, collection.Message);
        var (userId, teamId) = await FindMemberAsync(kind, name, cancellationToken);
        if (userId is null && teamId is null)
            return RegistryResult<CollectionMember>.Failure(RegistryError.NotFound, $"There is no {Describe(kind)} named '{name}'.");

        var member = await db.CollectionMembers.Include(m => m.User).Include(m => m.Team)
            .SingleOrDefaultAsync(m => m.CollectionId == collectionId && m.UserId == userId && m.TeamId == teamId, cancellationToken);
        if (member?.Role == role)
            return RegistryResult<CollectionMember>.Success(member);
        if (member is not null && role != CollectionRole.Owner && await IsLastOwnerOfOwnerlessAsync(collection.Value, member, cancellationToken))
            return LastOwner<CollectionMember>(collection.Value);

        if (member is null)
        {
            member = new CollectionMember { CollectionId = collectionId, UserId = userId, TeamId = teamId, Role = role };
            db.CollectionMembers.Add(member);
        }

        member.Role = role;
        audit.Record(caller.Actor, CatalogAuditActions.CollectionMemberSet, "collection:" + CatalogText.Path(collection.Value), new { kind, name, role });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            SaveConflicts.DiscardAdded(db);
            return RegistryResult<CollectionMember>.Failure(RegistryError.Conflict, $"The {Describe(kind)} '{name}' was added by another request at the same time; try again.");
        }

        await db.Entry(member).Reference(m => m.User).LoadAsync(cancellationToken);
        await db.Entry(member).Reference(m => m.Team).LoadAsync(cancellationToken);
        return RegistryResult<CollectionMember>.Success(member);
    }

    /// <summary>Removes a user or team from the collection's members.</summary>
    public async Task<RegistryResult<CollectionMember>> RemoveMemberAsync(
        long collectionId, MemberKind kind, string name, Caller caller, CancellationToken cancellationToken = default)
    {
        var collection = await OwnedAsync(collectionId, caller, "change the members of", cancellationToken);
        if (!collection.Succeeded)
            return RegistryResult<CollectionMember>.Failure(collection.Error, collection.Message);
        var (userId, teamId) = await FindMemberAsync(kind, name, cancellationToken);
        var member = userId is null && teamId is null ? null : await db.CollectionMembers
            .SingleOrDefaultAsync(m => m.CollectionId == collectionId && m.UserId == userId && m.TeamId == teamId, cancellationToken);
        if (member is null)
            return RegistryResult<CollectionMember>.Failure(RegistryError.NotFound, $"The {Describe(kind)} '{name}' is not a member of '{CatalogText.Path(collection.Value)}'.");
        if (await IsLastOwnerOfOwnerlessAsync(collection.Value, member, cancellationToken))
            return LastOwner<CollectionMember>(collection.Value);

        db.CollectionMembers.Remove(member);
        audit.Record(caller.Actor, CatalogAuditActions.CollectionMemberRemove, "collection:" + CatalogText.Path(collection.Value), new { kind, name });
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<CollectionMember>.Success(member);
    }

    /// <summary>
    /// Deletes the collection with all its containers, images and tags in one transaction. Refused while
    /// any of its containers is frozen. The content stays in the store for the garbage collector.
    /// </summary>
    public async Task<RegistryResult<Collection>> DeleteAsync(long collectionId, Caller caller, CancellationToken cancellationToken = default)
    {
        var collection = await OwnedAsync(collectionId, caller, "delete", cancellationToken);
        if (!collection.Succeeded)
            return collection;
        var frozen = await db.Containers.Where(c => c.CollectionId == collectionId && c.IsFrozen).Select(c => c.Name).ToListAsync(cancellationToken);
        if (frozen.Count > 0)
            return RegistryResult<Collection>.Failure(RegistryError.Frozen,
                $"The collection '{CatalogText.Path(collection.Value)}' has frozen containers ({string.Join(", ", frozen)}); unfreeze them before deleting it.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // OCI manifests hold their containers (their tags and references go with them), so they go first.
        await db.Manifests.Where(m => m.Container.CollectionId == collectionId).ExecuteDeleteAsync(cancellationToken);
        await db.Images.Where(i => i.Container.CollectionId == collectionId).ExecuteDeleteAsync(cancellationToken);
        await db.Containers.Where(c => c.CollectionId == collectionId).ExecuteDeleteAsync(cancellationToken);
        db.Collections.Remove(collection.Value);
        audit.Record(caller.Actor, CatalogAuditActions.CollectionDelete, "collection:" + CatalogText.Path(collection.Value));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return collection;
    }

    private async Task<RegistryResult<Collection>> OwnedAsync(long collectionId, Caller caller, string verb, CancellationToken cancellationToken)
    {
        var collection = await db.VisibleCollections(caller).Include(c => c.Entity).SingleOrDefaultAsync(c => c.Id == collectionId, cancellationToken);
        if (collection is null)
            return RegistryResult<Collection>.Failure(RegistryError.NotFound, $"There is no collection with id {collectionId}.");
        if (!await MayManageAsync(collectionId, caller, cancellationToken))
            return RegistryResult<Collection>.Failure(RegistryError.Forbidden,
                $"You may not {verb} the collection '{CatalogText.Path(collection)}': only its owners, its entity's owners and administrators may, with a token that allows delete.");
        return RegistryResult<Collection>.Success(collection);
    }

    private async Task<(long? UserId, long? TeamId)> FindMemberAsync(MemberKind kind, string name, CancellationToken cancellationToken) =>
        kind == MemberKind.User
            ? (await db.Users.Where(u => u.UserName == name && u.IsActive).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken), null)
            : (null, await db.Teams.Where(t => t.Name == name).Select(t => (long?)t.Id).SingleOrDefaultAsync(cancellationToken));

    // In the ownerless default entity the owner members are the only owners: losing the last one would
    // leave a collection nobody but administrators can manage.
    private async Task<bool> IsLastOwnerOfOwnerlessAsync(Collection collection, CollectionMember member, CancellationToken cancellationToken) =>
        member.Role == CollectionRole.Owner
        && collection.Entity.OwnerUserId is null && collection.Entity.OwnerTeamId is null
        && !await db.CollectionMembers.AnyAsync(m => m.CollectionId == collection.Id && m.Role == CollectionRole.Owner && m.Id != member.Id, cancellationToken);

    private static RegistryResult<T> LastOwner<T>(Collection collection)
        where T : class =>
        RegistryResult<T>.Failure(RegistryError.Conflict, $"That is the last owner of '{CatalogText.Path(collection)}'; make someone else an owner first.");

    private static string Describe(MemberKind kind) => kind == MemberKind.User ? "user" : "team";
}
