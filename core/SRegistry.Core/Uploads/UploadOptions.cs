namespace SRegistry.Core.Uploads;

/// <summary>How image uploads through capability URLs behave; the host binds it once at start.</summary>
public sealed class UploadOptions
{
    /// <summary>
    /// Where parts of multipart uploads wait until the upload completes (the host sets
    /// <c>&lt;data&gt;/uploads</c>). Complete images never land here: they stream into the blob store.
    /// Several server instances behind one address must share this directory, because the parts of one
    /// upload may arrive at different instances.
    /// </summary>
    public string Directory { get; set; } = "";

    /// <summary>How long an upload URL may be claimed after it was handed out.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The smallest part a multipart upload is split into. Clients only go multipart above 64 MiB
    /// and then use the size the server names; smaller values are for tests.
    /// </summary>
    public long MultipartPartSize { get; set; } = 64L * 1024 * 1024;
}
