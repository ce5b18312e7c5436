using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Domain;
using SRegistry.Core.Paging;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Audit;

/// <summary>Reads the audit log back for administrators: newest first, narrowed by actor and action text.</summary>
public sealed class AuditTrail(RegistryDbContext db)
{
    /// <summary>
    /// The events whose actor and action contain the given texts (ignoring case; null or empty matches
    /// everything), newest first. Callers check that the reader is an administrator.
    /// </summary>
    public Task<Page<AuditEvent>> SearchAsync(string? actor, string? action, PageRequest page, CancellationToken cancellationToken = default)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(actor))
        {
            var text = actor.Trim().ToLowerInvariant();
            events = events.Where(e => e.Actor.ToLower().Contains(text));
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            var text = action.Trim().ToLowerInvariant();
            events = events.Where(e => e.Action.ToLower().Contains(text));
        }

        // Ids grow with time and, unlike timestamps, never tie, so paging is stable.
        return events.OrderByDescending(e => e.Id).ToPageAsync(page, cancellationToken);
    }
}
