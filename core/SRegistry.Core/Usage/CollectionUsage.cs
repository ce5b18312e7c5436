namespace SRegistry.Core.Usage;

/// <summary>The storage one collection takes.</summary>
/// <param name="Entity">The entity's name.</param>
/// <param name="Collection">The collection's name.</param>
/// <param name="Bytes">The bytes of its uploaded images, each distinct content counted once.</param>
/// <param name="ImageCount">Its uploaded images (one per container, digest and architecture).</param>
/// <param name="IsPrivate">Whether the collection is private.</param>
public sealed record CollectionUsage(string Entity, string Collection, long Bytes, int ImageCount, bool IsPrivate);
