namespace SRegistry.Core.Catalog;

/// <summary>Who a collection member is: a user or a team.</summary>
public enum MemberKind
{
    User,
    Team,
}
