namespace SRegistry.Core.Usage;

/// <summary>Who owns an entity, as usage reports group it.</summary>
public enum OwnerKind
{
    /// <summary>A user owns the entity of their name.</summary>
    User,

    /// <summary>A team owns the entity.</summary>
    Team,

    /// <summary>Nobody owns the entity (the <c>default</c> entity of refs without one).</summary>
    Nobody,
}
