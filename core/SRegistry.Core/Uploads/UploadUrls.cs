using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Uploads;

/// <summary>
/// Capability URLs for uploads: unguessable, expiring, single-use. Only the hash of a URL's secret is
/// stored, and a URL is claimed with a conditional update, so of two requests racing with the same
/// URL (on any server instance) exactly one gets to send bytes.
/// </summary>
internal sealed class UploadUrls(RegistryDbContext db, TimeProvider time)
{
    /// <summary>Adds <paramref name="session"/> to the context with a new secret's hash and returns the secret.</summary>
    public string Issue(UploadSession session)
    {
        var secret = UploadSecret.Create();
        session.SecretHash = UploadSecret.Hash(secret);
        db.UploadSessions.Add(session);
        return secret;
    }

    /// <summary>The unclaimed, unexpired session of <paramref name="kind"/> that <paramref name="secret"/> opens, or null.</summary>
    public async Task<UploadSession?> FindAsync(string? secret, UploadKind kind, CancellationToken cancellationToken)
    {
        if (!UploadSecret.HasShape(secret))
            return null;
        var hash = UploadSecret.Hash(secret);
        var session = await db.UploadSessions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.SecretHash == hash && s.Kind == kind, cancellationToken);
        return session is { SecretHash: { } stored, UsedAt: null }
            && CryptographicOperations.FixedTimeEquals(stored, hash)
            && session.ExpiresAt > time.GetUtcNow()
                ? session
                : null;
    }

    /// <summary>Claims the session for this request; false when another request claimed it first or it expired meanwhile.</summary>
    public async Task<bool> ClaimAsync(UploadSession session, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await db.UploadSessions
            .Where(s => s.Id == session.Id && s.UsedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedAt, now), cancellationToken);
        session.UsedAt = now;
        return claimed == 1;
    }

    /// <summary>Who sends bytes through the URL, for the audit log: the user who asked for it.</summary>
    public async Task<Actor> ActorOfAsync(UploadSession session, CancellationToken cancellationToken)
    {
        var name = await db.Users.Where(u => u.Id == session.CreatedByUserId).Select(u => u.UserName).SingleAsync(cancellationToken);
        return new Actor(session.CreatedByUserId, name);
    }

    public static string Unusable =>
        "This upload URL is unknown, has expired or was already used; ask the registry for a new one.";
}
