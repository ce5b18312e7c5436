using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>Builds the <see cref="Caller"/> of a request from what authentication produced.</summary>
public sealed class CallerFactory(RegistryDbContext db)
{
    /// <summary>
    /// The caller behind a token that <c>ApiTokenService.ValidateAsync</c> accepted (so its
    /// <see cref="ApiToken.User"/> is loaded), limited to the token's scopes.
    /// </summary>
    public async Task<Caller> ForTokenAsync(ApiToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var user = token.User ?? throw new ArgumentException("The token's user is not loaded; pass a token from ApiTokenService.ValidateAsync.", nameof(token));
        return Caller.ForUser(user, await TeamIdsAsync(user.Id, cancellationToken), token.Scopes);
    }

    /// <summary>The caller for a user signed in without a token (a web session or a password login): no scope limits.</summary>
    public async Task<Caller> ForUserAsync(User user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Caller.ForUser(user, await TeamIdsAsync(user.Id, cancellationToken));
    }

    /// <summary>
    /// The caller for a user id carried by a credential the registry issued (an OCI bearer token), limited
    /// to <paramref name="scopes"/>; <see cref="Caller.Anonymous"/> when the user is gone or disabled.
    /// </summary>
    public async Task<Caller> ForUserIdAsync(long userId, IEnumerable<string>? scopes, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? Caller.Anonymous : Caller.ForUser(user, await TeamIdsAsync(user.Id, cancellationToken), scopes);
    }

    private async Task<List<long>> TeamIdsAsync(long userId, CancellationToken cancellationToken) =>
        await db.TeamMembers.Where(m => m.UserId == userId).Select(m => m.TeamId).ToListAsync(cancellationToken);
}
