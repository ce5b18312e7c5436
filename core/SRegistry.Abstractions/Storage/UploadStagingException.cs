namespace SRegistry.Abstractions.Storage;

/// <summary>
/// An upload's staged bytes cannot be used as asked: the upload is gone, or is being written and
/// published at once. The message says which, for the client.
/// </summary>
public sealed class UploadStagingException : Exception
{
    /// <summary>Creates the exception with a message for the client.</summary>
    public UploadStagingException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the client and its cause.</summary>
    public UploadStagingException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public UploadStagingException() : base("The upload's staged bytes are gone or busy.")
    {
    }
}
