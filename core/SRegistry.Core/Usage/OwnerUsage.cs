namespace SRegistry.Core.Usage;

/// <summary>The storage an owner's entities take in the collections the caller may see.</summary>
/// <param name="Kind">A user, a team, or nobody.</param>
/// <param name="Name">The user's or team's name; for <see cref="OwnerKind.Nobody"/>, the ownerless entity's name.</param>
/// <param name="Bytes">The bytes of the uploaded images, each distinct content counted once for the owner.</param>
public sealed record OwnerUsage(OwnerKind Kind, string Name, long Bytes);
