using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Sources;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Builds;

/// <summary>
/// Source repositories connected to a collection, managed by those who may manage the collection
/// (owners, administrators). Each gets a fresh webhook secret that is shown once and stored encrypted.
/// </summary>
public sealed partial class RepositoryConnections(
    RegistryDbContext db, CollectionSettings settings, ConnectionSecrets secrets, ConfiguredBuildBackend builds,
    IEnumerable<SourceProvider> providers, AuditLog audit, TimeProvider time)
{
    /// <summary>The source providers plugins registered.</summary>
    public IReadOnlyList<SourceProvider> Providers { get; } = [.. providers.OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>The connections of a collection (owners only).</summary>
    public async Task<RegistryResult<IReadOnlyList<RepositoryConnection>>> ListAsync(long collectionId, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!await settings.MayManageAsync(collectionId, caller, cancellationToken))
            return RegistryResult<IReadOnlyList<RepositoryConnection>>.Failure(RegistryError.Forbidden, OwnersOnly);
        var list = await db.RepositoryConnections.AsNoTracking().Where(c => c.CollectionId == collectionId)
            .OrderBy(c => c.Repository).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return RegistryResult<IReadOnlyList<RepositoryConnection>>.Success(list);
    }

    /// <summary>The webhook path of a connection, as its provider serves it.</summary>
    public string? HookPath(RepositoryConnection connection) =>
        Providers.FirstOrDefault(p => p.Key == connection.Provider)?.HookPathTemplate.Replace("{id}", connection.Id.ToString("D"), StringComparison.Ordinal);

    /// <summary>Connects a repository; the result carries the secret, which is not shown again.</summary>
    public async Task<RegistryResult<CreatedConnection>> CreateAsync(long collectionId, ConnectionSettings wanted, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (!await settings.MayManageAsync(collectionId, caller, cancellationToken) || caller.UserId is not { } userId)
            return Refuse(RegistryError.Forbidden, OwnersOnly);
        if (!builds.Enabled)
            return Refuse(RegistryError.Conflict, ConfiguredBuildBackend.DisabledMessage);
        var provider = Providers.FirstOrDefault(p => p.Key == wanted.Provider);
        if (provider is null)
            return Refuse(RegistryError.InvalidName, $"There is no source provider '{NameValidation.Shown(wanted.Provider ?? "")}'; available: {(Providers.Count == 0 ? "none (enable a plugin such as github-webhooks)" : string.Join(", ", Providers.Select(p => p.Key)))}.");
        if (wanted.Repository is null || !RepositoryName().IsMatch(wanted.Repository))
            return Refuse(RegistryError.InvalidName, "The repository must be its full name, owner/name (letters, digits, '.', '-', '_').");
        var container = string.IsNullOrEmpty(wanted.Container) ? wanted.Repository.Split('/')[1].ToLowerInvariant() : wanted.Container;
        if (!NameValidation.TryValidatePart(container, "container name", out var error))
            return Refuse(RegistryError.InvalidName, string.IsNullOrEmpty(wanted.Container) ? $"{error} Name the container builds go to." : error);
        var branches = Clean(wanted.Branches);
        if (branches.Any(b => b.Length > 255 || b.Any(char.IsWhiteSpace)))
            return Refuse(RegistryError.InvalidName, "Branch names must be at most 255 characters without spaces.");
        var patterns = Clean(wanted.RecipePatterns);
        if (patterns.Any(p => p.Length > 255 || p.Contains('/', StringComparison.Ordinal) || p.Any(char.IsWhiteSpace)))
            return Refuse(RegistryError.InvalidName, "Recipe patterns match file names: no '/', no spaces, at most 255 characters, '*' as wildcard (for example *.def).");
        var alreadyConnected = $"{wanted.Repository} is already connected to this collection; delete that connection to make a new secret.";
        if (await db.RepositoryConnections.AnyAsync(c => c.CollectionId == collectionId && c.Provider == provider.Key && c.Repository == wanted.Repository, cancellationToken))
            return Refuse(RegistryError.AlreadyExists, alreadyConnected);

        var secret = ConnectionSecrets.Generate();
        var connection = new RepositoryConnection
        {
            Id = Guid.NewGuid(),
            CollectionId = collectionId,
            Provider = provider.Key,
            Repository = wanted.Repository,
            Container = container,
            Branches = branches,
            RecipePatterns = patterns.Length == 0 ? [.. ConnectionSettings.DefaultRecipePatterns] : patterns,
            EncryptedSecret = secrets.Protect(secret),
            CreatedByUserId = userId,
            CreatedAt = time.GetUtcNow(),
        };
        db.RepositoryConnections.Add(connection);
        audit.Record(caller.Actor, BuildAuditActions.ConnectionCreate, $"repository-connection:{connection.Id:D}",
            new { provider = provider.Key, connection.Repository, collectionId, connection.Container });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            // The same repository connected by a concurrent request after the check above.
            SaveConflicts.DiscardAdded(db);
            return Refuse(RegistryError.AlreadyExists, alreadyConnected);
        }

        return RegistryResult<CreatedConnection>.Success(new CreatedConnection(connection, secret, HookPath(connection)!));
    }

    /// <summary>Disconnects a repository: its webhooks are refused from now on; its builds stay in the history.</summary>
    public async Task<RegistryResult<RepositoryConnection>> DeleteAsync(long collectionId, Guid connectionId, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!await settings.MayManageAsync(collectionId, caller, cancellationToken))
            return RegistryResult<RepositoryConnection>.Failure(RegistryError.Forbidden, OwnersOnly);
        var connection = await db.RepositoryConnections.SingleOrDefaultAsync(c => c.Id == connectionId && c.CollectionId == collectionId, cancellationToken);
        if (connection is null)
            return RegistryResult<RepositoryConnection>.Failure(RegistryError.NotFound, $"This collection has no repository connection {connectionId}.");
        db.RepositoryConnections.Remove(connection);
        audit.Record(caller.Actor, BuildAuditActions.ConnectionDelete, $"repository-connection:{connection.Id:D}", new { connection.Provider, connection.Repository });
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<RepositoryConnection>.Success(connection);
    }

    private const string OwnersOnly = "Only the owners of this collection or its entity and administrators may manage its repository connections.";

    private static string[] Clean(IReadOnlyList<string>? values) =>
        values is null ? [] : [.. values.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    private static RegistryResult<CreatedConnection> Refuse(RegistryError error, string message) => RegistryResult<CreatedConnection>.Failure(error, message);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex RepositoryName();
}
