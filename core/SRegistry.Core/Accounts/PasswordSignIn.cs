using Microsoft.Extensions.Logging;
using SRegistry.Abstractions.Authentication;

namespace SRegistry.Core.Accounts;

/// <summary>
/// Checks a user name and password wherever the registry accepts passwords: the local account's
/// password first, then each registered <see cref="IPasswordAuthenticator"/> in turn. A directory
/// that fails is reported as such, never as a wrong password, and never stops local accounts.
/// </summary>
public sealed class PasswordSignIn(
    AccountService accounts,
    IEnumerable<IPasswordAuthenticator> authenticators,
    ExternalAccountProvisioner provisioner,
    ILogger<PasswordSignIn> logger)
{
    /// <summary>
    /// Signs the user in. On an external success the account is provisioned or linked, refreshed,
    /// and given the roles and teams its groups map to.
    /// </summary>
    public async Task<PasswordSignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        // An LDAP simple bind with an empty password is an "unauthenticated bind" that servers
        // answer with success: an empty password must never reach a directory.
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
            return PasswordSignInResult.Invalid;

        var local = await accounts.VerifyPasswordAsync(userName, password, cancellationToken);
        if (local is not null)
            return PasswordSignInResult.Success(local);

        var unavailable = new List<string>();
        foreach (var authenticator in authenticators)
        {
            ExternalIdentity? identity;
            try
            {
                identity = await authenticator.AuthenticateAsync(userName, password, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The password authenticator {Authenticator} failed, so it could not check a sign-in", authenticator.Name);
                unavailable.Add(authenticator.Name);
                continue;
            }

            if (identity is null)
                continue;

            // The account link (and the later re-checks, which find the authenticator by this name)
            // must name the authenticator that vouched for the identity, whatever it put there.
            var linked = await provisioner.SignInAsync(identity with { Provider = authenticator.Name }, cancellationToken);
            return linked.Succeeded ? PasswordSignInResult.Success(linked.Value) : PasswordSignInResult.Refused(linked.Message);
        }

        return unavailable.Count == 0
            ? PasswordSignInResult.Invalid
            : PasswordSignInResult.Unavailable(
                $"The sign-in directory ({string.Join(", ", unavailable)}) is unavailable, so the password could not be checked. " +
                "Try again later; accounts with a registry password can still sign in.");
    }
}
