namespace SRegistry.Server.Privacy;

/// <summary>Endpoint metadata naming the endpoint's <see cref="RegistryDoor"/>; without it an endpoint is <see cref="RegistryDoor.Web"/>.</summary>
/// <param name="Door">The door.</param>
public sealed record RegistryDoorMetadata(RegistryDoor Door);
