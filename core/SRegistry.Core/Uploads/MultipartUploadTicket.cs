namespace SRegistry.Core.Uploads;

/// <summary>A started multipart upload, as the library API's <c>_multipart</c> answer needs it.</summary>
/// <param name="UploadId">The upload's id (<c>uploadID</c>).</param>
/// <param name="TotalParts">How many parts the client sends (<c>totalParts</c>).</param>
/// <param name="PartSize">The size of every part but the last, which holds the rest (<c>partSize</c>).</param>
/// <param name="AlreadyUploaded">True when the image's bytes are already here; then nothing else is meaningful.</param>
public sealed record MultipartUploadTicket(Guid UploadId, int TotalParts, long PartSize, bool AlreadyUploaded);
