namespace SRegistry.Server.Api.Models;

/// <summary>Bytes stored in the entities of one owner.</summary>
/// <param name="Kind"><c>user</c>, <c>team</c>, or <c>nobody</c> for an ownerless entity (then <see cref="Name"/> is the entity's).</param>
public sealed record ApiOwnerUsage(string Kind, string Name, long Bytes);
