using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>A user in a team, as <c>owner</c> or <c>member</c>.</summary>
public sealed record ApiTeamMember(string UserName, string Role)
{
    public static ApiTeamMember From(TeamMember m) => new(m.User.UserName, m.Role.ToString().ToLowerInvariant());
}
