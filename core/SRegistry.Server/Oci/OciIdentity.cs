using SRegistry.Core.Catalog;

namespace SRegistry.Server.Oci;

/// <summary>Who sent a request to the OCI door, as <see cref="OciCredentials.IdentifyAsync"/> found out.</summary>
/// <param name="Caller">The caller the catalog decides for.</param>
/// <param name="Access">The grants of an OCI bearer token; null for an API token, Basic credentials or none.</param>
/// <param name="Failed">Credentials were sent but do not work (answered 401, never treated as anonymous).</param>
public sealed record OciIdentity(Caller Caller, OciAccess? Access, bool Failed)
{
    public static OciIdentity Anonymous { get; } = new(Caller.Anonymous, null, false);

    public static OciIdentity Rejected { get; } = new(Caller.Anonymous, null, true);

    /// <summary>No usable credentials and no token: only public repositories, pull only.</summary>
    public bool IsAnonymous => Access is null && Caller.IsAnonymous;
}
