using System.Text.Json;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Audit;

/// <summary>
/// Records mutations in the audit log. <see cref="Record"/> only adds the event to the context, so it
/// is written by the same <c>SaveChanges</c> (and transaction) as the change it describes: a change
/// that fails leaves no event, and no event is missing for a change that was saved.
/// </summary>
public sealed class AuditLog(RegistryDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an event to the context; the caller's next <c>SaveChanges</c> writes it.</summary>
    /// <param name="actor">Who did it.</param>
    /// <param name="action">A dotted verb, see <see cref="AuditActions"/>.</param>
    /// <param name="target">What was acted on, for example <c>user:alice</c>.</param>
    /// <param name="details">Extra facts, serialized as a JSON object; never secrets.</param>
    public void Record(Actor actor, string action, string target, object? details = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(target);
        db.AuditEvents.Add(new AuditEvent
        {
            At = time.GetUtcNow(),
            ActorUserId = actor.UserId,
            Actor = actor.Name,
            Action = action,
            Target = target,
            Details = details is null ? null : JsonSerializer.Serialize(details, details.GetType(), DetailsJson),
        });
    }
}
