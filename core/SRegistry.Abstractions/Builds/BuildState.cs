namespace SRegistry.Abstractions.Builds;

/// <summary>Where a build is in its life. Success, Failure and Cancelled are final.</summary>
public enum BuildState
{
    /// <summary>Accepted, waiting for a free slot.</summary>
    Queued,

    /// <summary>Submitted to the backend and running.</summary>
    Working,

    /// <summary>Finished and the image was pushed.</summary>
    Success,

    /// <summary>Finished without an image.</summary>
    Failure,

    /// <summary>Stopped on request.</summary>
    Cancelled,
}
