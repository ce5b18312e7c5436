using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Sources;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Builds;

/// <summary>
/// <see cref="ISourceConnections"/> for provider plugins: connections with their secrets, delivery ids
/// in the database (so every instance sees them), builds that act for the user who connected the
/// repository, and promotion of a tested image to its release tag.
/// </summary>
public sealed class SourceConnectionStore(IServiceScopeFactory scopes, BuildScheduler scheduler, ConfiguredBuildBackend configured, TimeProvider time) : ISourceConnections
{
    // GitHub redelivers for a few days at most; an id older than this is not a redelivery worth refusing.
    private static readonly TimeSpan DeliveryMemory = TimeSpan.FromDays(30);

    /// <inheritdoc />
    public bool BuildsEnabled => configured.Enabled;

    /// <inheritdoc />
    public async Task<SourceConnection?> FindAsync(string provider, Guid connectionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var connection = await db.RepositoryConnections.AsNoTracking().Include(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(c => c.Id == connectionId && c.Provider == provider, cancellationToken);
        if (connection is null)
            return null;
        var secret = scope.ServiceProvider.GetRequiredService<ConnectionSecrets>().Unprotect(connection.EncryptedSecret);
        return new SourceConnection(connection.Id, connection.Provider, connection.Repository, connection.Collection.Entity.Name,
            connection.Collection.Name, connection.Container, connection.Branches, connection.RecipePatterns, secret);
    }

    /// <inheritdoc />
    public async Task<bool> TryRecordDeliveryAsync(string provider, string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var now = time.GetUtcNow();
        // ON CONFLICT: two instances receiving the same redelivery at once must not both accept it.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO webhook_deliveries (provider, delivery_id, received_at) VALUES ({provider}, {deliveryId}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        // Older ids go, so the table stays small.
        var forgotten = now - DeliveryMemory;
        await db.Database.ExecuteSqlAsync($"DELETE FROM webhook_deliveries WHERE received_at < {forgotten}", cancellationToken);
        return inserted == 1;
    }

    /// <inheritdoc />
    public async Task<Guid> EnqueueBuildAsync(Guid connectionId, SourceBuildRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RepositoryConnection connection;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            connection = await db.RepositoryConnections.AsNoTracking().Include(c => c.Collection).ThenInclude(c => c.Entity)
                .SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken)
                ?? throw new ArgumentException($"There is no repository connection {connectionId}.", nameof(connectionId));
        }

        var build = scheduler.NewBuild(
            new BuildRequest(connection.Collection.Entity.Name, connection.Collection.Name, connection.Container, request.Tag,
                request.CloneUrl, request.Commit, request.RecipePath, request.Trigger),
            connection.CreatedByUserId, connection.Id);
        return await scheduler.EnqueueAsync(build, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SourceBuild>> FindBuildsAsync(Guid connectionId, string commit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Builds.AsNoTracking().Where(b => b.ConnectionId == connectionId && b.Commit == commit)
            .OrderByDescending(b => b.QueuedAt)
            .Select(b => new SourceBuild(b.Id, b.Tag, b.RecipePath, b.State))
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> PromoteAsync(Guid connectionId, Guid buildId, string tag, CancellationToken cancellationToken)
    {
        if (!NameValidation.TryValidateTag(tag, out _))
            return false;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<RegistryDbContext>();
        var build = await db.Builds.AsNoTracking().SingleOrDefaultAsync(
            b => b.Id == buildId && b.ConnectionId == connectionId && b.State == BuildState.Success && b.ImageId != null, cancellationToken);
        if (build is null)
            return false;

        var caller = build.OwnerUserId is { } ownerId ? await services.GetRequiredService<CallerFactory>().ForUserIdAsync(ownerId, null, cancellationToken) : Caller.System;
        var container = await services.GetRequiredService<ContainerCatalog>().GetContainerAsync(build.Entity, build.Collection, build.Container, caller, cancellationToken);
        if (!container.Succeeded)
            return false;
        var tagged = await services.GetRequiredService<TagCatalog>().SetTagAsync(container.Value.Id, null, tag, build.ImageId!.Value, caller, cancellationToken);
        if (!tagged.Succeeded)
            return false;
        services.GetRequiredService<AuditLog>().Record(caller.Actor, BuildAuditActions.Promote, BuildTransitions.Target(build), new { tag });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
