namespace SRegistry.Core;

/// <summary>
/// Why a registry operation was refused (an expected outcome, not a failure of the registry).
/// Doors map each value to their protocol's status; the message goes to the client unchanged.
/// </summary>
public enum RegistryError
{
    /// <summary>Nothing went wrong.</summary>
    None,

    /// <summary>A user, token, entity, collection, container, tag or architecture name breaks the naming rules.</summary>
    InvalidName,

    /// <summary>A password is too short.</summary>
    InvalidPassword,

    /// <summary>A requested token scope is unknown.</summary>
    InvalidScopes,

    /// <summary>A token expiry lies in the past.</summary>
    InvalidExpiry,

    /// <summary>A digest is not <c>sha256</c> with 64 hexadecimal characters.</summary>
    InvalidDigest,

    /// <summary>A search text is too short.</summary>
    InvalidQuery,

    /// <summary>
    /// The thing does not exist, or it exists but the caller may not see it: private means invisible,
    /// so the two are deliberately indistinguishable.
    /// </summary>
    NotFound,

    /// <summary>A user, entity, collection, container or token of that name already exists.</summary>
    AlreadyExists,

    /// <summary>The caller may see the thing but not do this to it (or is anonymous, or the token's scopes do not cover it).</summary>
    Forbidden,

    /// <summary>The container is frozen (read-only): no new images, tag moves or deletes.</summary>
    Frozen,

    /// <summary>The request contradicts the stored state, for example a tag's architecture differs from its image's.</summary>
    Conflict,

    /// <summary>Uploaded bytes do not have the sha256 the image was created with; nothing was stored.</summary>
    DigestMismatch,

    /// <summary>Uploaded bytes (or a declared size) do not have the size announced, or the upload broke off; nothing was stored.</summary>
    SizeMismatch,

    /// <summary>Uploaded bytes arrived intact but are not content this door accepts (the library API takes SIF images only).</summary>
    InvalidContent,

    /// <summary>The upload would take an account past its storage quota; the message carries used, limit and requested bytes.</summary>
    QuotaExceeded,
}
