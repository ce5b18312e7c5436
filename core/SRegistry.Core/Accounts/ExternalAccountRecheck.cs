using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Authentication;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Accounts;

/// <summary>
/// Asks the directory, at most every <see cref="ExternalAccountOptions.ExternalRecheckInterval"/>,
/// whether an externally provisioned user may still use their tokens, and disables the account
/// (every token at once) when the directory says no. When it cannot tell, the last known state holds.
/// </summary>
public sealed class ExternalAccountRecheck(
    RegistryDbContext db,
    AuditLog audit,
    TimeProvider time,
    IEnumerable<IPasswordAuthenticator> authenticators,
    IOptions<ExternalAccountOptions> options,
    ILogger<ExternalAccountRecheck> logger)
{
    /// <summary>False when the user is inactive, or has just been disabled because the directory reports them disabled.</summary>
    public async Task<bool> IsActiveAsync(User user, CancellationToken cancellationToken)
    {
        if (!user.IsActive)
            return false;
        if (user.ExternalProvider is not { } provider || user.ExternalSubject is not { } subject)
            return true;
        var now = time.GetUtcNow();
        if (now - user.LastDirectoryCheckAt < options.Value.ExternalRecheckInterval)
            return true;
        if (authenticators.FirstOrDefault(a => a.Name == provider) is not IExternalAccountStatus status)
            return true;

        var active = await AskAsync(status, provider, subject, cancellationToken);
        if (active == false)
        {
            await DisableAsync(user, provider, now, cancellationToken);
            return false;
        }

        // Also after "cannot tell": an unreachable directory is then asked once per interval, not on
        // every request of every user (each would wait for the connect timeout).
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastDirectoryCheckAt, now), cancellationToken);
        return true;
    }

    private async Task<bool?> AskAsync(IExternalAccountStatus status, string provider, string subject, CancellationToken cancellationToken)
    {
        try
        {
            return await status.IsActiveAsync(subject, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The directory {Provider} could not say whether {Subject} is still enabled; the account keeps its state", provider, subject);
            return null;
        }
    }

    private async Task DisableAsync(User user, string provider, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional, so concurrent requests disable (and audit) once.
        var changed = await db.Users.Where(u => u.Id == user.Id && u.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false).SetProperty(u => u.LastDirectoryCheckAt, now), cancellationToken);
        if (changed > 0)
        {
            audit.Record(ExternalAccountProvisioner.ExternalActor(provider), AuditActions.UserDisable, $"user:{user.UserName}",
                new { reason = "The directory reports the account disabled or gone." });
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Disabled {UserName}: the directory {Provider} reports the account disabled or gone", user.UserName, provider);
        }

        await transaction.CommitAsync(cancellationToken);
        user.IsActive = false;
    }
}
