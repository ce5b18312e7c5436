namespace SRegistry.Bench;

/// <summary>The OCI workload's sizes: the blob pushed and pulled, and the blob pulled by many clients at once.</summary>
internal sealed record OciSettings(long Size, long ConcurrentSize, int ConcurrentPulls);
