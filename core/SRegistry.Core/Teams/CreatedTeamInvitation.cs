using SRegistry.Core.Domain;

namespace SRegistry.Core.Teams;

/// <summary>A new invitation and its secret, which exists only here and in the URL given to the owner.</summary>
public sealed record CreatedTeamInvitation(TeamInvitation Invitation, string Secret)
{
    /// <summary>Keeps the secret out of logs.</summary>
    public override string ToString() => $"CreatedTeamInvitation {{ Invitation = {Invitation.Id}, Secret = *** }}";
}
