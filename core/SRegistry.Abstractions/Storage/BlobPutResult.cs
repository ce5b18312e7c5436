namespace SRegistry.Abstractions.Storage;

/// <summary>The result of <see cref="IBlobStore.PutAsync"/>.</summary>
/// <param name="Outcome">How the put ended.</param>
/// <param name="Digest">The sha256 of the bytes actually received.</param>
/// <param name="Size">The number of bytes actually received.</param>
public sealed record BlobPutResult(BlobPutOutcome Outcome, BlobDigest Digest, long Size)
{
    /// <summary>True when a blob with <see cref="Digest"/> is published after the put.</summary>
    public bool Succeeded => Outcome is BlobPutOutcome.Stored or BlobPutOutcome.AlreadyPresent;
}
