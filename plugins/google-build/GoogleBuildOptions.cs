using System.ComponentModel.DataAnnotations;

namespace SRegistry.Plugins.GoogleBuild;

/// <summary>
/// Settings of the google-build plugin, bound from <c>Plugins:google-build</c> and validated at start
/// (see <see cref="GoogleBuildOptionsValidator"/>). The base URLs exist so tests (and private
/// endpoints) can point the plugin at another server speaking the same documented APIs.
/// </summary>
public sealed class GoogleBuildOptions
{
    /// <summary>The Google Cloud project that runs the builds and owns the bucket.</summary>
    [Required(ErrorMessage = "Set Plugins:google-build:ProjectId to the Google Cloud project that runs the builds and owns the bucket.")]
    public string ProjectId { get; set; } = "";

    /// <summary>The Google Cloud Storage bucket that holds the images (blobs and finished builds).</summary>
    [Required(ErrorMessage = "Set Plugins:google-build:Bucket to the Google Cloud Storage bucket that holds the images.")]
    public string Bucket { get; set; } = "";

    /// <summary>A service-account key file (JSON); empty to take credentials from the metadata server.</summary>
    public string CredentialsFile { get; set; } = "";

    /// <summary>The metadata server used when <see cref="CredentialsFile"/> is empty.</summary>
    public string MetadataServerUrl { get; set; } = "http://metadata.google.internal";

    /// <summary>Where the Cloud Storage JSON API (and signed URLs) are served.</summary>
    public string StorageBaseUrl { get; set; } = "https://storage.googleapis.com";

    /// <summary>Where the Cloud Build REST API v1 is served.</summary>
    public string CloudBuildBaseUrl { get; set; } = "https://cloudbuild.googleapis.com";

    /// <summary>A prefix for every object the plugin writes, for sharing a bucket (for example <c>sregistry/</c>).</summary>
    public string ObjectPrefix { get; set; } = "";

    /// <summary>Bytes sent per resumable-upload request; a multiple of 256 KiB. One chunk is buffered per upload.</summary>
    public int UploadChunkSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>The image that runs <c>build &lt;output.sif&gt; &lt;recipe&gt;</c> (its entrypoint is singularity or apptainer).</summary>
    public string BuilderImage { get; set; } = "quay.io/singularity/singularity:v3.11.4";

    /// <summary>The image that fetches the source with git.</summary>
    public string GitImage { get; set; } = "gcr.io/cloud-builders/git";

    /// <summary>The image (with bash, coreutils and gcloud) that hashes and uploads the result.</summary>
    public string ToolsImage { get; set; } = "gcr.io/cloud-builders/gcloud";

    /// <summary>How long a build may run before Cloud Build stops it.</summary>
    public TimeSpan BuildTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The tag on every build this registry submits; it finds them again after a restart.</summary>
    public string BuildTag { get; set; } = "sregistry";

    /// <summary>
    /// The secret the completion callback must present (<c>?token=</c> or <c>Authorization: Bearer</c>);
    /// empty disables the callback, leaving polling alone.
    /// </summary>
    public string CallbackSecret { get; set; } = "";

    /// <summary>How often unfinished builds are asked for their status (the fallback when no callback comes).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back builds are looked up after a restart, to finish those that ended meanwhile.</summary>
    public TimeSpan RecoveryWindow { get; set; } = TimeSpan.FromDays(7);
}
