using System.ComponentModel.DataAnnotations;

namespace SRegistry.Plugins.GoogleBuild;

/// <summary>Settings of the google-build plugin, bound from <c>Plugins:google-build</c> and validated at start.</summary>
public sealed class GoogleBuildOptions
{
    /// <summary>The Google Cloud project that runs the builds and owns the bucket.</summary>
    [Required(ErrorMessage = "Set Plugins:google-build:ProjectId to the Google Cloud project that runs the builds and owns the bucket.")]
    public string ProjectId { get; set; } = "";

    /// <summary>The Google Cloud Storage bucket that holds the images.</summary>
    [Required(ErrorMessage = "Set Plugins:google-build:Bucket to the Google Cloud Storage bucket that holds the images.")]
    public string Bucket { get; set; } = "";
}
