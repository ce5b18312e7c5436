namespace SRegistry.Core.Domain;

/// <summary>A member's role in a team. Owners manage members and the team's namespaces.</summary>
public enum TeamRole
{
    Member,
    Owner,
}
