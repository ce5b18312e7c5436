using Microsoft.EntityFrameworkCore;
using SRegistry.Abstractions.Authentication;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Accounts;

/// <summary>
/// Turns an identity a directory vouched for into a local account: created on first sign-in, found
/// again by provider and subject (so a person renamed in the directory keeps their account and
/// namespace), refreshed, and given the roles and teams their groups map to.
/// </summary>
public sealed class ExternalAccountProvisioner(
    RegistryDbContext db, AccountService accounts, ExternalRoleSync roles, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// Returns the linked local user, or a refusal: a name that clashes with an account not linked to
    /// this identity (never merged silently), a name with nothing usable, or an account disabled here.
    /// </summary>
    public async Task<RegistryResult<User>> SignInAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var actor = ExternalActor(identity.Provider);

        // Creation, link, refresh and role changes commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(
            u => u.ExternalProvider == identity.Provider && u.ExternalSubject == identity.Subject, cancellationToken);
        if (user is null)
        {
            var created = await CreateAsync(identity, actor, cancellationToken);
            if (!created.Succeeded)
                return created;
            user = created.Value;
        }
        else if (!user.IsActive)
        {
            // Disabled here (by an administrator, or after the directory reported it disabled): only an
            // administrator enables it again, so a directory glitch cannot undo a deliberate block.
            return RegistryResult<User>.Failure(RegistryError.Forbidden,
                $"The registry account '{user.UserName}' is disabled; ask an administrator to enable it.");
        }

        var now = time.GetUtcNow();
        user.Email = Blank(identity.Email);
        user.DisplayName = Blank(identity.DisplayName);
        user.LastLoginAt = now;
        user.LastDirectoryCheckAt = now;
        await roles.ApplyAsync(user, identity.Groups, actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RegistryResult<User>.Success(user);
    }

    /// <summary>The audit actor for changes an external directory causes.</summary>
    internal static Actor ExternalActor(string provider) => new(null, $"directory:{provider}");

    private async Task<RegistryResult<User>> CreateAsync(ExternalIdentity identity, Actor actor, CancellationToken cancellationToken)
    {
        var name = ExternalUserName.Normalize(identity.UserName);
        if (name is null)
            return RegistryResult<User>.Failure(RegistryError.InvalidName,
                $"The directory user name '{NameValidation.Shown(identity.UserName)}' has no letters or digits to make a registry user name of; ask an administrator.");
        if (await db.Users.AnyAsync(u => u.UserName == name, cancellationToken))
            return RegistryResult<User>.Failure(RegistryError.AlreadyExists,
                $"A registry account named '{name}' already exists and is not linked to this {identity.Provider} account, so it was not used. " +
                "Ask an administrator to rename or remove one of them.");

        var created = await accounts.CreateUserAsync(name, null, null, isAdmin: false, actor, cancellationToken);
        if (!created.Succeeded)
            return created;

        var user = created.Value;
        user.ExternalProvider = identity.Provider;
        user.ExternalSubject = identity.Subject;
        audit.Record(actor, AuditActions.UserExternalLink, $"user:{name}", new { provider = identity.Provider, subject = identity.Subject });
        return created;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
