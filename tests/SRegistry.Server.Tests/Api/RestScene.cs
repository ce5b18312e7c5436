using System.Security.Cryptography;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Api;

/// <summary>
/// What the REST tests start from: the clients of a user (alice unless said otherwise), bob and
/// anonymous on the shared server, and a way to push a real SIF through the library door into a fresh
/// collection of the user's.
/// </summary>
public sealed class RestScene(LibraryServerFixture server, string user = "alice", string? token = null)
{
    /// <summary>The user's client (named for the default user).</summary>
    public RestClient Alice { get; } = new(server.Server.Client, token ?? server.AliceToken);

    public RestClient Bob => Alice.As(server.BobToken);

    public RestClient Anonymous => Alice.As(null);

    public LibraryApi AliceLibrary { get; } = new(server.Server.Client, token ?? server.AliceToken);

    /// <summary>Creates <c>user/&lt;fresh&gt;</c> through the REST API; returns its name.</summary>
    public async Task<string> CollectionAsync(bool isPrivate)
    {
        var name = LibraryServerFixture.UniqueName("c");
        (await Alice.PostAsync("/api/v1/collections", new { entity = user, name, @private = isPrivate })).Json(System.Net.HttpStatusCode.Created);
        return name;
    }

    /// <summary>Pushes a new SIF to <c>user/collection/container:tag</c> through the library API.</summary>
    public async Task<PushedImage> PushAsync(string collection, string container = "tool", string? tag = "v1")
    {
        var file = await SifFiles.CreateAsync(server.Files);
        var collectionId = (await AliceLibrary.GetAsync($"/v1/collections/{user}/{collection}")).Data().GetProperty("id").GetString()!;
        var existing = await AliceLibrary.GetAsync($"/v1/containers/{user}/{collection}/{container}");
        var containerId = existing.Status == System.Net.HttpStatusCode.OK
            ? existing.Data().GetProperty("id").GetString()!
            : await AliceLibrary.CreateContainerAsync(collectionId, container);
        var imageId = long.Parse(await AliceLibrary.PushAsync(containerId, file, tag), System.Globalization.CultureInfo.InvariantCulture);
        return new PushedImage(imageId, $"{user}/{collection}/{container}", file, Sha256(await File.ReadAllBytesAsync(file)));
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>An image pushed by <see cref="RestScene.PushAsync"/>: its id, container path, file and sha256 (hex).</summary>
public sealed record PushedImage(long Id, string Container, string File, string Sha256);
