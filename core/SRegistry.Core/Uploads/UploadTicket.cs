namespace SRegistry.Core.Uploads;

/// <summary>
/// Permission to send bytes once, through a capability URL the door builds from <see cref="Secret"/>;
/// or, when <see cref="AlreadyUploaded"/>, word that the image's bytes are already here.
/// </summary>
/// <param name="Secret">The URL's secret (43 base64url characters), or null when no upload is needed. Shown once; only its hash is stored.</param>
/// <param name="ExpiresAt">When the URL can no longer be claimed (UTC).</param>
/// <param name="DirectUrl">With direct transfers: the blob store's presigned URL the client sends the bytes to, instead of a secret.</param>
public sealed record UploadTicket(string? Secret, DateTimeOffset ExpiresAt, Uri? DirectUrl = null)
{
    /// <summary>True when the image was uploaded before, so there is nothing to send.</summary>
    public bool AlreadyUploaded => Secret is null && DirectUrl is null;
}
