namespace SRegistry.Core.Uploads;

/// <summary>What <see cref="ImageUploadService.PruneExpiredAsync"/> removed.</summary>
/// <param name="Sessions">Expired upload sessions (a multipart upload's parts counted with it only when they expired on their own).</param>
/// <param name="StagedUploads">Staged bytes (library parts, OCI chunks) whose upload no longer exists.</param>
public sealed record PrunedUploads(int Sessions, int StagedUploads);
