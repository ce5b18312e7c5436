namespace SRegistry.Core.Accounts;

/// <summary>How a password sign-in ended; each door answers each differently.</summary>
public enum PasswordSignInOutcome
{
    /// <summary>The credentials are valid and the account may be used.</summary>
    Succeeded,

    /// <summary>Unknown user, wrong or empty password, or a disabled account: deliberately indistinguishable.</summary>
    InvalidCredentials,

    /// <summary>The directory accepted the credentials but the registry will not link them (for example a name clash).</summary>
    Refused,

    /// <summary>
    /// No account accepted the password and at least one directory could not be asked: an outage,
    /// which must not read as a wrong password.
    /// </summary>
    DirectoryUnavailable,
}
