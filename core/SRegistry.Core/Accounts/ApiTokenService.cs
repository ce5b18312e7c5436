using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Accounts;

/// <summary>Named API tokens: creation (the secret is shown once), validation, revocation and listing.</summary>
public sealed class ApiTokenService(RegistryDbContext db, AuditLog audit, TimeProvider time, ExternalAccountRecheck recheck)
{
    /// <summary>How stale <see cref="ApiToken.LastUsedAt"/> may get: finer precision would cost a write per request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Creates a token for the user. The result carries the plaintext secret, which is not stored:
    /// only its SHA-256 and its first <see cref="ApiTokenSecret.DisplayLength"/> characters are.
    /// </summary>
    /// <param name="userName">The owner.</param>
    /// <param name="tokenName">A name unique among the user's tokens (part rule), for example <c>laptop</c>.</param>
    /// <param name="scopes">What the token may do (<see cref="TokenScopes"/>); empty means everything the user may.</param>
    /// <param name="expiresAt">When it stops working, or null for never; must lie in the future.</param>
    /// <param name="actor">Who creates it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<RegistryResult<CreatedApiToken>> CreateAsync(
        string userName, string tokenName, IEnumerable<string> scopes, DateTimeOffset? expiresAt, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!NameValidation.TryValidatePart(tokenName, "token name", out var error))
            return RegistryResult<CreatedApiToken>.Failure(RegistryError.InvalidName, error);
        if (!TokenScopes.TryNormalize(scopes, out var normalizedScopes, out error))
            return RegistryResult<CreatedApiToken>.Failure(RegistryError.InvalidScopes, error);
        var now = time.GetUtcNow();
        if (expiresAt <= now)
            return RegistryResult<CreatedApiToken>.Failure(RegistryError.InvalidExpiry, $"The expiry {expiresAt:O} is not in the future.");

        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
            return RegistryResult<CreatedApiToken>.Failure(RegistryError.NotFound, $"There is no user named '{NameValidation.Shown(userName)}'.");
        if (await db.ApiTokens.AnyAsync(t => t.UserId == user.Id && t.Name == tokenName, cancellationToken))
            return RegistryResult<CreatedApiToken>.Failure(RegistryError.AlreadyExists,
                $"User '{userName}' already has a token named '{tokenName}' (revoked tokens keep their names); choose another name.");

        var secret = ApiTokenSecret.Create();
        var token = new ApiToken
        {
            User = user,
            Name = tokenName,
            SecretHash = ApiTokenSecret.Hash(secret),
            Prefix = secret[..ApiTokenSecret.DisplayLength],
            Scopes = normalizedScopes,
            CreatedAt = now,

            // Npgsql stores timestamptz only from UTC values.
            ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        db.ApiTokens.Add(token);
        audit.Record(actor, AuditActions.TokenCreate, TokenTarget(userName, tokenName),
            new { prefix = token.Prefix, scopes = normalizedScopes, expiresAt = token.ExpiresAt });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            SaveConflicts.DiscardAdded(db);
            return RegistryResult<CreatedApiToken>.Failure(RegistryError.AlreadyExists, $"User '{userName}' already has a token named '{tokenName}'.");
        }

        return RegistryResult<CreatedApiToken>.Success(new CreatedApiToken(token, secret));
    }

    /// <summary>
    /// Returns the token (with its <see cref="ApiToken.User"/>) that <paramref name="secret"/> belongs
    /// to, or null when it is unknown, revoked or expired, or its user is inactive (for an externally
    /// provisioned user, as the directory says when <see cref="ExternalAccountRecheck"/> asks). Records the use in
    /// <see cref="ApiToken.LastUsedAt"/> at most once per <see cref="LastUsedPrecision"/>.
    /// </summary>
    public async Task<ApiToken?> ValidateAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (!ApiTokenSecret.HasSecretShape(secret))
            return null;

        var hash = ApiTokenSecret.Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().Include(t => t.User)
            .SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        var now = time.GetUtcNow();
        if (token is null
            || !CryptographicOperations.FixedTimeEquals(token.SecretHash, hash)
            || token.RevokedAt is not null
            || token.ExpiresAt <= now
            || !await recheck.IsActiveAsync(token.User, cancellationToken))
            return null;

        if (token.LastUsedAt is null || now - token.LastUsedAt >= LastUsedPrecision)
        {
            // A conditional update: concurrent requests with the same token write at most once.
            var staleBefore = now - LastUsedPrecision;
            await db.ApiTokens
                .Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt <= staleBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
            token.LastUsedAt = now;
        }

        return token;
    }

    /// <summary>
    /// Revokes one of the user's tokens, named by its name or, failing that, its id.
    /// Revoking a revoked token changes nothing and succeeds.
    /// </summary>
    public async Task<RegistryResult<ApiToken>> RevokeAsync(string userName, string tokenNameOrId, Actor actor, CancellationToken cancellationToken = default)
    {
        var userTokens = db.ApiTokens.Where(t => t.User.UserName == userName);
        var token = await userTokens.SingleOrDefaultAsync(t => t.Name == tokenNameOrId, cancellationToken);
        if (token is null && long.TryParse(tokenNameOrId, out var id))
            token = await userTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
            return RegistryResult<ApiToken>.Failure(RegistryError.NotFound,
                $"User '{NameValidation.Shown(userName)}' has no token named '{NameValidation.Shown(tokenNameOrId)}'.");
        if (token.RevokedAt is not null)
            return RegistryResult<ApiToken>.Success(token);

        token.RevokedAt = time.GetUtcNow();
        audit.Record(actor, AuditActions.TokenRevoke, TokenTarget(userName, token.Name), new { prefix = token.Prefix });
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<ApiToken>.Success(token);
    }

    /// <summary>The user's tokens, revoked and expired ones included, ordered by name. Secrets are never available.</summary>
    public async Task<RegistryResult<IReadOnlyList<ApiToken>>> ListAsync(string userName, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
            return RegistryResult<IReadOnlyList<ApiToken>>.Failure(RegistryError.NotFound, $"There is no user named '{NameValidation.Shown(userName)}'.");
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return RegistryResult<IReadOnlyList<ApiToken>>.Success(tokens);
    }

    private static string TokenTarget(string userName, string tokenName) => $"token:{userName}/{tokenName}";
}
