namespace SRegistry.Core.Sif;

/// <summary>A signature object in a SIF image, as its descriptor describes it (the signature itself is not verified).</summary>
/// <param name="ObjectId">The signature object's own id.</param>
/// <param name="HashType">The hash the signature was made with.</param>
/// <param name="Fingerprint">The signing key's fingerprint, 40 uppercase hex characters as Singularity shows it, or null when the descriptor has none.</param>
/// <param name="LinkedId">The id of the object, or of the object group, that was signed.</param>
/// <param name="LinksGroup">True when <paramref name="LinkedId"/> is an object group id.</param>
public sealed record SifSignature(uint ObjectId, SifHashType HashType, string? Fingerprint, uint LinkedId, bool LinksGroup);
