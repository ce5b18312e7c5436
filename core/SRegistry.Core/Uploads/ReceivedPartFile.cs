using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Uploads;

/// <summary>A part's bytes received into a file of their own, not yet accepted as the part.</summary>
/// <param name="Path">The file.</param>
/// <param name="Digest">The sha256 of what arrived.</param>
/// <param name="Size">How many bytes arrived (one more than allowed when the body was too long).</param>
internal sealed record ReceivedPartFile(string Path, BlobDigest Digest, long Size);
