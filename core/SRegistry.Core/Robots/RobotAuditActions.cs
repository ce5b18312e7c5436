namespace SRegistry.Core.Robots;

/// <summary>The dotted verbs robot accounts write to the audit log (next to <see cref="Audit.AuditActions"/>).</summary>
public static class RobotAuditActions
{
    public const string Create = "robot.create";
    public const string Revoke = "robot.revoke";
}
