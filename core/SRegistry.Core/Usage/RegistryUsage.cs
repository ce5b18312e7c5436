namespace SRegistry.Core.Usage;

/// <summary>Where the registry's storage goes, as far as the caller may see.</summary>
/// <param name="Collections">Every collection the caller may see, largest first.</param>
/// <param name="Owners">Per entity owner over those collections, largest first.</param>
/// <param name="TotalBytes">For administrators the whole blob store; for others the distinct content they may see.</param>
/// <param name="ImageCount">Uploaded images: all of them for administrators, those they may see for others.</param>
public sealed record RegistryUsage(IReadOnlyList<CollectionUsage> Collections, IReadOnlyList<OwnerUsage> Owners, long TotalBytes, int ImageCount);
