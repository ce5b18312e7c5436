namespace SRegistry.Core.Accounts;

/// <summary>Why an account or token operation was refused (an expected outcome, not a failure of the registry).</summary>
public enum AccountError
{
    /// <summary>Nothing went wrong.</summary>
    None,

    /// <summary>A user, token or entity name breaks the naming rules.</summary>
    InvalidName,

    /// <summary>A password is too short.</summary>
    InvalidPassword,

    /// <summary>A requested token scope is unknown.</summary>
    InvalidScopes,

    /// <summary>A token expiry lies in the past.</summary>
    InvalidExpiry,

    /// <summary>The named user or token does not exist.</summary>
    NotFound,

    /// <summary>A user, entity or token of that name already exists.</summary>
    AlreadyExists,
}
