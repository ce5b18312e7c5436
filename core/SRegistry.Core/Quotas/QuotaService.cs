using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;
using SRegistry.Core.Usage;

namespace SRegistry.Core.Quotas;

/// <summary>
/// Storage quotas per user and team. A collection is charged to the owner of its entity (namespace);
/// in an entity nobody owns (<c>default</c>), to the collection's owners (its creator, and users or
/// teams made owners). An account's use is the bytes of the content in the collections charged to it
/// (uploaded images, OCI blobs uploaded into its repositories and the blobs its manifests name), each
/// distinct content counted once, as the store keeps it once. Uploads are checked when they start,
/// against every account the target collection is charged to, with their full size.
/// </summary>
public sealed class QuotaService(RegistryDbContext db, IOptions<QuotaOptions> options)
{
    /// <summary>The quotas the container's collection is charged to.</summary>
    public async Task<IReadOnlyList<AccountQuota>> ForContainerAsync(long containerId, CancellationToken cancellationToken)
    {
        var collectionId = await db.Containers.Where(c => c.Id == containerId).Select(c => c.CollectionId).SingleAsync(cancellationToken);
        return await ForCollectionAsync(collectionId, cancellationToken);
    }

    /// <summary>The quotas the collection is charged to: its entity's owner, or in an ownerless entity its owners.</summary>
    public async Task<IReadOnlyList<AccountQuota>> ForCollectionAsync(long collectionId, CancellationToken cancellationToken)
    {
        var entity = await db.Collections.Where(c => c.Id == collectionId)
            .Select(c => new { c.Entity.OwnerUserId, c.Entity.OwnerTeamId }).SingleAsync(cancellationToken);
        var owners = new List<(OwnerKind Kind, long Id)>();
        if (entity.OwnerUserId is { } user) owners.Add((OwnerKind.User, user));
        else if (entity.OwnerTeamId is { } team) owners.Add((OwnerKind.Team, team));
        else
        {
            var members = await db.CollectionMembers.Where(m => m.CollectionId == collectionId && m.Role == CollectionRole.Owner)
                .Select(m => new { m.UserId, m.TeamId }).ToListAsync(cancellationToken);
            owners.AddRange(members.Select(m => m.UserId is { } u ? (OwnerKind.User, u) : (OwnerKind.Team, m.TeamId!.Value)));
        }

        var quotas = new List<AccountQuota>();
        foreach (var (kind, id) in owners)
            quotas.Add(await GetAsync(kind, id, cancellationToken));
        return quotas;
    }

    /// <summary>
    /// For doors that know only names when a push starts: the first quota an upload of
    /// <paramref name="requestedBytes"/> into <paramref name="entityName"/>/<paramref name="collectionName"/>
    /// would exceed, or null when it fits, or when the caller could not push there anyway (the door's
    /// own refusal follows, and nobody learns other accounts' numbers). A collection not created yet is
    /// charged to the entity's owner, or in an ownerless entity to the caller, who will own it.
    /// </summary>
    public async Task<AccountQuota?> ExceededAsync(string entityName, string collectionName, Caller caller, long requestedBytes, CancellationToken cancellationToken)
    {
        if (caller.UserId is not { } callerId) return null;
        var collection = await db.Collections.Where(c => c.Entity.Name == entityName && c.Name == collectionName)
            .Select(c => (long?)c.Id).SingleOrDefaultAsync(cancellationToken);
        IReadOnlyList<AccountQuota> quotas;
        if (collection is { } id)
        {
            if (!await db.IsAllowedAsync(id, AccessPolicy.CanPush(caller), cancellationToken)) return null;
            quotas = await ForCollectionAsync(id, cancellationToken);
        }
        else
        {
            var entity = await db.Entities.Where(e => e.Name == entityName).Select(e => new { e.OwnerUserId, e.OwnerTeamId }).SingleOrDefaultAsync(cancellationToken);
            if (entity is null) return null;
            if (entity.OwnerUserId is { } user)
                quotas = user == callerId ? [await GetAsync(OwnerKind.User, user, cancellationToken)] : [];
            else if (entity.OwnerTeamId is { } team)
                quotas = caller.TeamIds.Contains(team) ? [await GetAsync(OwnerKind.Team, team, cancellationToken)] : [];
            else
                quotas = [await GetAsync(OwnerKind.User, callerId, cancellationToken)];
        }

        return quotas.FirstOrDefault(q => q.WouldExceed(requestedBytes));
    }

    /// <summary>The first quota an upload of <paramref name="requestedBytes"/> into the container would exceed, or null when it fits.</summary>
    public async Task<AccountQuota?> ExceededAsync(long containerId, long requestedBytes, CancellationToken cancellationToken)
    {
        foreach (var quota in await ForContainerAsync(containerId, cancellationToken))
        {
            if (quota.WouldExceed(requestedBytes)) return quota;
        }

        return null;
    }

    /// <summary>The quota of the user or team with this id.</summary>
    public async Task<AccountQuota> GetAsync(OwnerKind kind, long id, CancellationToken cancellationToken)
    {
        string name;
        long? own;
        long fallback;
        if (kind == OwnerKind.User)
        {
            var user = await db.Users.Where(u => u.Id == id).Select(u => new { u.UserName, u.QuotaBytes }).SingleAsync(cancellationToken);
            (name, own, fallback) = (user.UserName, user.QuotaBytes, options.Value.DefaultUserBytes);
        }
        else
        {
            var team = await db.Teams.Where(t => t.Id == id).Select(t => new { t.Name, t.QuotaBytes }).SingleAsync(cancellationToken);
            (name, own, fallback) = (team.Name, team.QuotaBytes, options.Value.DefaultTeamBytes);
        }

        var used = (await db.Database.SqlQueryRaw<long>(UsedBytesSql(kind), new NpgsqlParameter<long>("id", id)).ToListAsync(cancellationToken))[0];
        // An own limit of long.MaxValue is how "unlimited" is stored, so that it overrides the default.
        long? limit = own switch { long.MaxValue => null, { } set => set, null => fallback > 0 ? fallback : null };
        return new AccountQuota(kind, id, name, used, limit, own is not null);
    }

    // Distinct content of the account's collections: uploaded images, OCI uploads and the blobs their manifests name.
    private static string UsedBytesSql(OwnerKind kind)
    {
        var (owner, member) = kind == OwnerKind.User ? ("owner_user_id", "user_id") : ("owner_team_id", "team_id");
        return $"""
            WITH charged AS (
                SELECT ct.id FROM containers ct
                JOIN collections c ON c.id = ct.collection_id
                JOIN entities e ON e.id = c.entity_id
                WHERE e.{owner} = @id
                   OR (e.owner_user_id IS NULL AND e.owner_team_id IS NULL
                       AND EXISTS (SELECT 1 FROM collection_members m WHERE m.collection_id = c.id AND m.role = 'Owner' AND m.{member} = @id))
            ), digests AS (
                SELECT i.digest FROM images i WHERE i.uploaded AND i.container_id IN (SELECT id FROM charged)
                UNION SELECT rb.digest FROM repository_blobs rb WHERE rb.container_id IN (SELECT id FROM charged)
                UNION SELECT r.digest FROM manifest_references r JOIN manifests mf ON mf.id = r.manifest_id
                      WHERE NOT r.is_manifest AND mf.container_id IN (SELECT id FROM charged)
            )
            SELECT COALESCE(SUM(b.size), 0)::bigint AS "Value" FROM blobs b WHERE b.digest IN (SELECT digest FROM digests)
            """;
    }

    /// <summary>Sets (or with null, clears back to the default) a user's or team's own limit; false when there is no such account.</summary>
    public async Task<bool> SetAsync(OwnerKind kind, string name, long? bytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes ?? 0, nameof(bytes));
        var changed = kind == OwnerKind.User
            ? await db.Users.Where(u => u.UserName == name).ExecuteUpdateAsync(s => s.SetProperty(u => u.QuotaBytes, bytes), cancellationToken)
            : await db.Teams.Where(t => t.Name == name).ExecuteUpdateAsync(s => s.SetProperty(t => t.QuotaBytes, bytes), cancellationToken);
        return changed > 0;
    }

    /// <summary>The id of the user or team with this name, or null.</summary>
    public async Task<long?> FindAsync(OwnerKind kind, string name, CancellationToken cancellationToken) =>
        kind == OwnerKind.User
            ? await db.Users.Where(u => u.UserName == name).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken)
            : await db.Teams.Where(t => t.Name == name).Select(t => (long?)t.Id).SingleOrDefaultAsync(cancellationToken);
}
