using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>A team; <see cref="Members"/> is filled when one team is asked for.</summary>
public sealed record ApiTeam(long Id, string Name, string? Description, DateTimeOffset CreatedAt, IReadOnlyList<ApiTeamMember>? Members)
{
    public static ApiTeam From(Team t) =>
        new(t.Id, t.Name, t.Description, t.CreatedAt, t.Members.Count == 0 ? null : [.. t.Members.Select(ApiTeamMember.From)]);
}
