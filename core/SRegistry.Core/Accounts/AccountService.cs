using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Accounts;

/// <summary>Local user accounts: creation (with the user's own entity), passwords, activation and the admin flag.</summary>
public sealed class AccountService(RegistryDbContext db, AuditLog audit, TimeProvider time, IPasswordHasher<User> hasher)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 8;

    /// <summary>
    /// Creates a user and the entity (namespace) of the same name that the user owns, with an audit
    /// event, in one transaction: if any of them cannot be written, none is.
    /// </summary>
    /// <param name="userName">The user name, following the part rule of <see cref="NameValidation"/>.</param>
    /// <param name="email">An optional email address.</param>
    /// <param name="password">The password, or null for an account that signs in only with tokens or an external provider.</param>
    /// <param name="isAdmin">Whether the user administers the registry.</param>
    /// <param name="actor">Who creates the user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<RegistryResult<User>> CreateUserAsync(
        string userName, string? email, string? password, bool isAdmin, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidateUserName(userName, out var error))
            return RegistryResult<User>.Failure(RegistryError.InvalidName, error);
        if (password is not null && !IsAcceptable(password, out error))
            return RegistryResult<User>.Failure(RegistryError.InvalidPassword, error);
        if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
            return RegistryResult<User>.Failure(RegistryError.AlreadyExists, $"A user named '{userName}' already exists.");
        if (await db.Entities.AnyAsync(e => e.Name == userName, cancellationToken))
            return RegistryResult<User>.Failure(RegistryError.AlreadyExists,
                $"The namespace '{userName}' is already taken, so no user of that name can be created; choose another user name.");

        var now = time.GetUtcNow();
        var user = new User
        {
            UserName = userName,
            Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            IsAdmin = isAdmin,
            IsActive = true,
            CreatedAt = now,
        };
        if (password is not null)
            user.PasswordHash = hasher.HashPassword(user, password);

        db.Users.Add(user);
        db.Entities.Add(new Entity { Name = userName, OwnerUser = user, CreatedAt = now });
        audit.Record(actor, AuditActions.UserCreate, $"user:{userName}", new { isAdmin, hasPassword = password is not null });

        // One SaveChanges is one database transaction: the user, the entity and the event commit together.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            SaveConflicts.DiscardAdded(db);
            return RegistryResult<User>.Failure(RegistryError.AlreadyExists, $"A user or namespace named '{userName}' already exists.");
        }

        return RegistryResult<User>.Success(user);
    }

    /// <summary>Returns the user, or null when there is none of that name.</summary>
    public Task<User?> GetUserAsync(string userName, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);

    /// <summary>Returns every user, ordered by name.</summary>
    public async Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);

    /// <summary>Sets a new password (at least <see cref="MinPasswordLength"/> characters).</summary>
    public async Task<RegistryResult<User>> ResetPasswordAsync(string userName, string newPassword, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!IsAcceptable(newPassword, out var error))
            return RegistryResult<User>.Failure(RegistryError.InvalidPassword, error);
        var user = await FindTrackedAsync(userName, cancellationToken);
        if (user is null)
            return NoSuchUser(userName);
        if (user.IsRobot)
            return RegistryResult<User>.Failure(RegistryError.Forbidden, $"'{userName}' is a robot account: robots have no password and use only their tokens.");

        user.PasswordHash = hasher.HashPassword(user, newPassword);
        audit.Record(actor, AuditActions.UserPasswordReset, $"user:{userName}");
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<User>.Success(user);
    }

    /// <summary>
    /// Enables or disables a user. A disabled user cannot sign in and none of their tokens is accepted;
    /// setting the current state again changes nothing and records nothing.
    /// </summary>
    public async Task<RegistryResult<User>> SetActiveAsync(string userName, bool active, Actor actor, CancellationToken cancellationToken = default)
    {
        var user = await FindTrackedAsync(userName, cancellationToken);
        if (user is null)
            return NoSuchUser(userName);
        if (user.IsActive == active)
            return RegistryResult<User>.Success(user);

        user.IsActive = active;
        audit.Record(actor, active ? AuditActions.UserEnable : AuditActions.UserDisable, $"user:{userName}");
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<User>.Success(user);
    }

    /// <summary>Grants or withdraws administration; setting the current state again records nothing.</summary>
    public async Task<RegistryResult<User>> SetAdminAsync(string userName, bool isAdmin, Actor actor, CancellationToken cancellationToken = default)
    {
        var user = await FindTrackedAsync(userName, cancellationToken);
        if (user is null)
            return NoSuchUser(userName);
        if (user.IsAdmin == isAdmin)
            return RegistryResult<User>.Success(user);

        user.IsAdmin = isAdmin;
        audit.Record(actor, isAdmin ? AuditActions.UserAdminGrant : AuditActions.UserAdminRevoke, $"user:{userName}");
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<User>.Success(user);
    }

    /// <summary>
    /// Returns the user when the password is right and the user is active; null for an unknown user,
    /// an inactive one, one without a password, or a wrong password. An outdated hash is replaced.
    /// </summary>
    public async Task<User?> VerifyPasswordAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var user = await FindTrackedAsync(userName, cancellationToken);
        if (user?.PasswordHash is null)
        {
            // Hashing costs the same key derivation as verifying, so an unknown name takes as long as
            // a known one and response times do not reveal which user names exist.
            hasher.HashPassword(new User { UserName = userName }, password);
            return null;
        }

        var outcome = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (outcome == PasswordVerificationResult.Failed || !user.IsActive)
            return null;

        if (outcome == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return user;
    }

    private Task<User?> FindTrackedAsync(string userName, CancellationToken cancellationToken) =>
        db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);

    private static RegistryResult<User> NoSuchUser(string userName) =>
        RegistryResult<User>.Failure(RegistryError.NotFound, $"There is no user named '{NameValidation.Shown(userName)}'.");

    private static bool IsAcceptable(string password, out string error)
    {
        error = password.Length < MinPasswordLength
            ? $"The password is too short: use at least {MinPasswordLength} characters."
            : string.Empty;
        return error.Length == 0;
    }
}
