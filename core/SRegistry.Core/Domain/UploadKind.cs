namespace SRegistry.Core.Domain;

/// <summary>What an <see cref="UploadSession"/> stands for.</summary>
public enum UploadKind
{
    /// <summary>A capability URL that takes the whole image in one request.</summary>
    SinglePart,

    /// <summary>A multipart upload as a whole; it has no URL of its own, its parts do.</summary>
    Multipart,

    /// <summary>A capability URL that takes one part of a multipart upload.</summary>
    MultipartPart,
}
