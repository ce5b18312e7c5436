namespace SRegistry.Abstractions.Authentication;

/// <summary>
/// An optional second interface of an <see cref="IPasswordAuthenticator"/> whose directory can say,
/// without the user's password, whether an account it provisioned may still be used. The core asks
/// it from time to time (<c>Accounts:ExternalRecheckInterval</c>) when the tokens of an externally
/// provisioned user are used, and disables the local account when the answer is <c>false</c>, so a
/// person disabled in the directory loses every token at once.
/// </summary>
public interface IExternalAccountStatus
{
    /// <summary>
    /// Returns <c>true</c> when the account with this subject (the <see cref="ExternalIdentity.Subject"/>
    /// the authenticator returned at sign-in) exists and would be allowed to sign in, <c>false</c> when
    /// the directory answers that it does not exist or is disabled, and <c>null</c> when it cannot tell
    /// (directory unreachable, or not configured to look accounts up); the core then keeps the last
    /// known state. Must not throw for an unreachable directory.
    /// </summary>
    Task<bool?> IsActiveAsync(string subject, CancellationToken cancellationToken);
}
