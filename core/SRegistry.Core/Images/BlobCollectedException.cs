using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Images;

/// <summary>
/// A put found its content already in the store, but a garbage collection removed it before the put
/// could record it. Nothing was recorded or referenced; the client pushes again. Rare: content
/// announced by digest is protected for the whole upload, so only content that was unrecorded, or
/// unreferenced for longer than the grace period, can be caught this way.
/// </summary>
public sealed class BlobCollectedException(BlobDigest digest)
    : IOException($"The content {digest} was removed by garbage collection while it was pushed; nothing was stored. Push it again.")
{
    /// <summary>The blob that was collected.</summary>
    public BlobDigest Digest { get; } = digest;
}
