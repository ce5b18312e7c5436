using SRegistry.Abstractions.Builds;

namespace SRegistry.Core.Domain;

/// <summary>
/// One build: what to build, where the image goes, and what happened. Rows are the queue itself, so
/// queued builds survive a restart and any server instance may dispatch them.
/// </summary>
public sealed class Build
{
    public Guid Id { get; set; }
    public BuildState State { get; set; }
    public required string Entity { get; set; }
    public required string Collection { get; set; }
    public required string Container { get; set; }
    public required string Tag { get; set; }
    public required string SourceRepository { get; set; }
    public required string Commit { get; set; }
    public required string RecipePath { get; set; }

    /// <summary>Who or what asked: a user name or a trigger such as <c>github:push</c>.</summary>
    public required string RequestedBy { get; set; }

    /// <summary>The user whose rights the import uses; null acts as the registry itself.</summary>
    public long? OwnerUserId { get; set; }

    /// <summary>The source repository connection that triggered it, if any.</summary>
    public Guid? ConnectionId { get; set; }

    /// <summary>The backend's own id, known once it accepted the build.</summary>
    public string? BackendId { get; set; }

    public string? Message { get; set; }
    public string? LogsUrl { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The image a successful build produced (null once that image is deleted).</summary>
    public long? ImageId { get; set; }

    /// <summary>The image's sha256 as 64 hex characters, kept even when the image is deleted.</summary>
    public string? ImageDigest { get; set; }
}
