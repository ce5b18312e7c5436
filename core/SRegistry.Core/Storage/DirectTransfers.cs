using SRegistry.Abstractions.Storage;

namespace SRegistry.Core.Storage;

/// <summary>
/// Whether clients send and fetch image bytes straight to and from the blob store (presigned URLs),
/// and for how long such a URL works. Off unless the host enables it for a store that can.
/// </summary>
/// <param name="Transfer">The store's presigned transfers, or null when direct transfers are off.</param>
/// <param name="UrlLifetime">How long a presigned URL handed to a client works.</param>
public sealed record DirectTransfers(IPresignedBlobTransfer? Transfer, TimeSpan UrlLifetime)
{
    /// <summary>Direct transfers off: every byte goes through the server.</summary>
    public static DirectTransfers Off { get; } = new(null, TimeSpan.Zero);
}
