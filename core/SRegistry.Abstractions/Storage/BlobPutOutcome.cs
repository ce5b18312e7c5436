namespace SRegistry.Abstractions.Storage;

/// <summary>How a put ended. Only <see cref="Stored"/> and <see cref="AlreadyPresent"/> leave a blob.</summary>
public enum BlobPutOutcome
{
    /// <summary>The content was new and is now published under its digest.</summary>
    Stored,

    /// <summary>Identical content was already published; nothing was written twice.</summary>
    AlreadyPresent,

    /// <summary>The content's sha256 differs from the expected digest; nothing was published.</summary>
    DigestMismatch,

    /// <summary>The content's length differs from the expected size; nothing was published.</summary>
    SizeMismatch,
}
