using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Oci;

/// <summary>Private collections, made through the library API (the OCI door creates collections with the defaults).</summary>
public static class OciPrivacy
{
    /// <summary>Creates the private collection of <paramref name="repository"/> (<c>alice/collection/container</c>) as alice.</summary>
    public static async Task CreatePrivateCollectionAsync(OciServerFixture oci, string repository)
    {
        var parts = repository.Split('/');
        var library = new LibraryApi(oci.Server.Client, oci.AliceToken);
        await library.CreateCollectionAsync(await library.EntityIdAsync(parts[0]), parts[1], isPrivate: true);
    }
}
