namespace SRegistry.Plugins.GoogleBuild.Builds;

/// <summary>What the Cloud Build API says about one build (the fields the plugin uses).</summary>
/// <param name="Id">Cloud Build's id for the build.</param>
/// <param name="Status">Its status, such as QUEUED, WORKING, SUCCESS or FAILURE.</param>
/// <param name="StatusDetail">Cloud Build's explanation of the status, if any.</param>
/// <param name="LogUrl">Where its logs are shown in the Google Cloud console.</param>
/// <param name="Tags">The tags it was submitted with.</param>
/// <param name="StepOutputs">What each step wrote to <c>$BUILDER_OUTPUT/output</c>, by step index.</param>
public sealed record CloudBuild(string Id, string Status, string? StatusDetail, Uri? LogUrl, IReadOnlyList<string> Tags, IReadOnlyList<byte[]> StepOutputs)
{
    /// <summary>True once the build can no longer change.</summary>
    public bool IsFinished => Status is "SUCCESS" or "FAILURE" or "INTERNAL_ERROR" or "TIMEOUT" or "CANCELLED" or "EXPIRED";
}
