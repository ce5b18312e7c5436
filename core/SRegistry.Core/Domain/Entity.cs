namespace SRegistry.Core.Domain;

/// <summary>
/// A namespace (the first part of <c>entity/collection/container</c>), owned by a user or a team.
/// The <c>default</c> entity, owned by neither, holds collections of refs that name no entity.
/// </summary>
public sealed class Entity
{
    /// <summary>The entity that refs without an entity part resolve to (sregistry-cli, shub://).</summary>
    public const string DefaultName = "default";

    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public long? OwnerUserId { get; set; }
    public User? OwnerUser { get; set; }
    public long? OwnerTeamId { get; set; }
    public Team? OwnerTeam { get; set; }

    /// <summary>Whether collections created in this entity start private.</summary>
    public bool DefaultPrivate { get; set; }

    /// <summary>Bytes this entity may store; null means no limit.</summary>
    public long? QuotaBytes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public List<Collection> Collections { get; set; } = [];
}
