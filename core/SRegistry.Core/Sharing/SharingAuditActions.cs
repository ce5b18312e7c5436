namespace SRegistry.Core.Sharing;

/// <summary>The dotted verbs share links write to the audit log.</summary>
public static class SharingAuditActions
{
    public const string Create = "share.create";
    public const string Revoke = "share.revoke";

    /// <summary>A download through a link, by whoever holds it.</summary>
    public const string Use = "share.use";
}
