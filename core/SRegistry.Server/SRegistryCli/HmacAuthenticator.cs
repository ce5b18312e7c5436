using SRegistry.Core.Accounts;
using SRegistry.Core.Catalog;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// Checks an sregistry-cli signature against every usable API token of the named user (a user has a
/// handful): the credential names the user, not the token. A bad signature is a 403, never a 500 and
/// never a silent downgrade to anonymous, so a wrong token does not read as "not found".
/// </summary>
public sealed class HmacAuthenticator(
    AccountService accounts, ApiTokenService tokens, ExternalAccountRecheck recheck, CallerFactory callers, SRegistryCliKeys keys, TimeProvider time)
{
    /// <summary>The caller who signed <paramref name="header"/> for these values; anonymous when there is no header.</summary>
    public async Task<HmacOutcome> AuthenticateAsync(
        string? header, string kind, string collection, string image, string tag, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(header))
            return new HmacOutcome(Caller.Anonymous, null);
        if (!HmacCredential.TryParse(header, out var credential))
            return Refused($"The Authorization header is not '{HmacCredential.Scheme} Credential=<kind>/<base64 user>/<timestamp>,Signature=<hex>'.");

        var user = await accounts.GetUserAsync(credential.UserName, cancellationToken);
        var listed = user is { IsActive: true } ? await tokens.ListAsync(user.UserName, cancellationToken) : null;
        if (user is null || listed is not { Succeeded: true })
            return Refused(SignatureRefusal);

        var now = time.GetUtcNow();
        foreach (var token in listed.Value.Where(t => t.RevokedAt is null && !(t.ExpiresAt <= now)))
        {
            if (!HmacSignature.Verify(keys.Derive(token), credential, kind, collection, image, tag, now))
                continue;
            if (!await recheck.IsActiveAsync(user, cancellationToken))
                return Refused(SignatureRefusal);
            token.User = user;
            return new HmacOutcome(await callers.ForTokenAsync(token, cancellationToken), null);
        }

        return Refused(SignatureRefusal);
    }

    /// <summary>What every bad signature gets, whatever was wrong with it.</summary>
    public const string SignatureRefusal =
        "The request's signature is not valid: unknown user, a token that is revoked or expired, a signature for other values, " +
        "or a clock more than an hour off. Get a token from /api/api-token-auth/ or /api/token and put it in ~/.sregistry.";

    private static HmacOutcome Refused(string message) => new(Caller.Anonymous, message);
}
