namespace SRegistry.Core.Uploads;

/// <summary>A part the client says it sent, as listed in <c>_multipart_complete</c>.</summary>
/// <param name="PartNumber">The part's number, from 1.</param>
/// <param name="Token">The part's token as the client received it (the ETag; surrounding quotes are ignored).</param>
public sealed record CompletedPart(int PartNumber, string Token);
