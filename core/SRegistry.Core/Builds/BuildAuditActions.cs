namespace SRegistry.Core.Builds;

/// <summary>The dotted verbs builds and repository connections write to the audit log.</summary>
public static class BuildAuditActions
{
    public const string Queue = "build.queue";
    public const string Start = "build.start";
    public const string Finish = "build.finish";
    public const string Cancel = "build.cancel";
    public const string Promote = "build.promote";
    public const string ConnectionCreate = "repository-connection.create";
    public const string ConnectionDelete = "repository-connection.delete";
}
