namespace SRegistry.Core.Uploads;

/// <summary>The dotted verbs uploads write to the audit log (next to <see cref="Audit.AuditActions"/>).</summary>
public static class UploadAuditActions
{
    /// <summary>An image's bytes arrived, matched its digest and were recorded.</summary>
    public const string ImageUpload = "image.upload";
}
