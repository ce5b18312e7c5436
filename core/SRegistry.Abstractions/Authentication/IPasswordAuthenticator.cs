namespace SRegistry.Abstractions.Authentication;

/// <summary>
/// Checks a user name and password against an external directory (LDAP, Active Directory, …).
/// The core tries every registered authenticator wherever passwords are accepted (web sign-in,
/// token endpoints), links the identity to a local account and applies roles from its groups.
/// </summary>
public interface IPasswordAuthenticator
{
    /// <summary>A short, stable name for logs and account links, for example <c>ldap</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Returns the identity when the credentials are valid and the account is enabled, or
    /// <c>null</c> when they are not (unknown user, wrong password, disabled). Must treat the user
    /// name as untrusted input (escape it in queries). Throws only when the directory itself fails
    /// (unreachable, misconfigured), so the caller can report an outage instead of a bad password.
    /// </summary>
    Task<ExternalIdentity?> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken);
}
