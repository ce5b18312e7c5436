namespace SRegistry.Core.Catalog;

/// <summary>How much an entity stores and may store.</summary>
/// <param name="UsedBytes">The bytes of its uploaded images, each distinct content counted once.</param>
/// <param name="QuotaBytes">The most it may store; null means no limit.</param>
public sealed record QuotaUsage(long UsedBytes, long? QuotaBytes);
