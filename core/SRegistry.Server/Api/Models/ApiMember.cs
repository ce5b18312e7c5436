using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>A user or team with a role on a collection.</summary>
/// <param name="Kind"><c>user</c> or <c>team</c>.</param>
/// <param name="Name">The user or team name.</param>
/// <param name="Role"><c>owner</c> or <c>contributor</c>.</param>
public sealed record ApiMember(string Kind, string Name, string Role)
{
    public static ApiMember From(CollectionMember m) => m.User is { } user
        ? new("user", user.UserName, m.Role.ToString().ToLowerInvariant())
        : new("team", m.Team!.Name, m.Role.ToString().ToLowerInvariant());
}
