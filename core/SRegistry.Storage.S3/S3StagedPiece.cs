namespace SRegistry.Storage.S3;

/// <summary>One staged piece of an upload: its object and where its bytes go.</summary>
internal sealed record S3StagedPiece(string Key, long Offset, long Size);
