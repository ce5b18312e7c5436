namespace SRegistry.Core.Domain;

/// <summary>One recorded mutation: who did what to which thing, and when.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Null for the system itself or an anonymous capability (share link).</summary>
    public long? ActorUserId { get; set; }

    /// <summary>The actor's name at the time (kept when the user is renamed or deleted).</summary>
    public required string Actor { get; set; }

    /// <summary>A dotted verb such as <c>user.create</c>, <c>token.revoke</c>, <c>image.push</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What was acted on, for example <c>user:alice</c> or <c>image:lab/tools/bwa@sha256:…</c>.</summary>
    public required string Target { get; set; }

    /// <summary>Extra facts as a JSON object, if any.</summary>
    public string? Details { get; set; }
}
