namespace SRegistry.Core.Teams;

/// <summary>The dotted verbs teams write to the audit log (next to <see cref="Audit.AuditActions"/>).</summary>
public static class TeamAuditActions
{
    public const string TeamCreate = "team.create";
    public const string TeamDelete = "team.delete";
    public const string MemberSet = "team.member.set";
    public const string MemberRemove = "team.member.remove";
    public const string InvitationCreate = "team.invitation.create";
    public const string InvitationRevoke = "team.invitation.revoke";

    /// <summary>A user joined the team through an invitation link.</summary>
    public const string InvitationAccept = "team.invitation.accept";
}
