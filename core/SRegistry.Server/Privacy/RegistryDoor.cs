namespace SRegistry.Server.Privacy;

/// <summary>Which door an endpoint belongs to: it decides the credentials it takes and how it refuses.</summary>
public enum RegistryDoor
{
    /// <summary>Browser pages and anything not marked otherwise (plugins too): the session cookie; refusals redirect to sign-in.</summary>
    Web,

    /// <summary>The library API: bearer API tokens; refusals are its JSON errors.</summary>
    Library,

    /// <summary>The sregistry-cli API and shub://: signed requests; refusals are 403 (the client signs only after one).</summary>
    SRegistryCli,

    /// <summary>The OCI distribution API: its bearer tokens, API tokens or Basic; refusals are 401 with a challenge.</summary>
    Oci,

    /// <summary>The REST API under /api/v1: bearer API tokens; refusals are problem details.</summary>
    RestApi,
}
