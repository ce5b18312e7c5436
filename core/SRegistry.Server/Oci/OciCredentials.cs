using System.Text;
using Microsoft.Net.Http.Headers;
using SRegistry.Core.Accounts;
using SRegistry.Core.Catalog;

namespace SRegistry.Server.Oci;

/// <summary>
/// Reads credentials the way registry clients send them: a bearer token from <c>/v2/token</c>, a registry
/// API token (<c>sreg_…</c>) as bearer, or Basic user name and password (or API token).
/// </summary>
public sealed class OciCredentials(PasswordSignIn passwords, ApiTokenService apiTokens, CallerFactory callers, OciTokens tokens)
{
    private static readonly object IdentityKey = new();

    /// <summary>The identity behind the request's <c>Authorization</c> header, found once per request.</summary>
    /// <remarks>Kept for the request: the private-mode gate and the door both ask, and a password check is slow on purpose.</remarks>
    public async Task<OciIdentity> IdentifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Items.TryGetValue(IdentityKey, out var known) && known is OciIdentity identity)
            return identity;
        identity = await ReadIdentityAsync(request, cancellationToken);
        request.HttpContext.Items[IdentityKey] = identity;
        return identity;
    }

    private async Task<OciIdentity> ReadIdentityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.Length == 0)
            return OciIdentity.Anonymous;

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var bearer = header["Bearer ".Length..].Trim();
            if (bearer.StartsWith(ApiTokenSecret.Prefix, StringComparison.Ordinal))
            {
                var token = await apiTokens.ValidateAsync(bearer, cancellationToken);
                return token is null ? OciIdentity.Rejected : new OciIdentity(await callers.ForTokenAsync(token, cancellationToken), null, false);
            }

            if (tokens.Read(bearer) is not { } access)
                return OciIdentity.Rejected;
            var caller = access.UserId is { } userId ? await callers.ForUserIdAsync(userId, access.Scopes, cancellationToken) : Caller.Anonymous;
            return access.UserId is not null && caller.IsAnonymous ? OciIdentity.Rejected : new OciIdentity(caller, access, false);
        }

        if (TryReadBasic(header, out var user, out var secret) && await VerifyAsync(user, secret, cancellationToken) is { } verified)
            return new OciIdentity(verified.Caller, null, false);
        return OciIdentity.Rejected;
    }

    /// <summary>
    /// The caller for a user name and a password or one of the user's API tokens, with the token's scopes
    /// (empty for a password); null when they do not match an active user (or a directory that could
    /// vouch for them cannot be reached).
    /// </summary>
    public async Task<(Caller Caller, IReadOnlyList<string> Scopes)?> VerifyAsync(string user, string secret, CancellationToken cancellationToken)
    {
        if (secret.StartsWith(ApiTokenSecret.Prefix, StringComparison.Ordinal))
        {
            var token = await apiTokens.ValidateAsync(secret, cancellationToken);
            if (token is null || !string.Equals(token.User.UserName, user, StringComparison.Ordinal))
                return null;
            return (await callers.ForTokenAsync(token, cancellationToken), token.Scopes);
        }

        // Local passwords and directory passwords (ldap-auth) alike.
        var signedIn = await passwords.SignInAsync(user, secret, cancellationToken);
        return signedIn.Succeeded ? (await callers.ForUserAsync(signedIn.User, cancellationToken), []) : null;
    }

    /// <summary>Splits <c>Basic base64(user:secret)</c>.</summary>
    public static bool TryReadBasic(string header, out string user, out string secret)
    {
        user = secret = "";
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':');
            if (colon <= 0)
                return false;
            (user, secret) = (pair[..colon], pair[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
