namespace SRegistry.Core.Audit;

/// <summary>The dotted verbs of <see cref="Domain.AuditEvent.Action"/>, in one place so queries and writers agree.</summary>
public static class AuditActions
{
    public const string UserCreate = "user.create";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserEnable = "user.enable";
    public const string UserDisable = "user.disable";
    public const string UserAdminGrant = "user.admin-grant";
    public const string UserAdminRevoke = "user.admin-revoke";

    /// <summary>An account created for, and linked to, an external identity.</summary>
    public const string UserExternalLink = "user.external-link";
    public const string TokenCreate = "token.create";
    public const string TokenRevoke = "token.revoke";
    public const string BlobStore = "blob.store";

    /// <summary>Refused content removed from the store.</summary>
    public const string BlobDiscard = "blob.discard";

    /// <summary>A garbage collection that removed unreferenced blobs and expired uploads.</summary>
    public const string BlobCollect = "blob.collect";
}
