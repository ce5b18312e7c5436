namespace SRegistry.Core.Builds;

/// <summary>The <c>Builds</c> section: how many builds run at once and how often idle instances look for queued ones.</summary>
public sealed class BuildOptions
{
    public const string SectionName = "Builds";

    /// <summary>Builds in the Working state at once, across all server instances.</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>
    /// How often each instance looks for queued builds it was not told about (those queued or freed by
    /// another instance); builds queued on this instance are dispatched at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
