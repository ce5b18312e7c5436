using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Tests.Catalog;
using SRegistry.Core.Tests.Persistence;
using SRegistry.Core.Usage;

namespace SRegistry.Core.Tests.Usage;

/// <summary>
/// Usage over <see cref="CatalogScene"/>, with contents whose sizes (1 000 bytes per character of the
/// name) make every sum tell which images it counted.
/// </summary>
[Collection("Postgres")]
public sealed class UsageReportTests(PostgresFixture postgres)
{
    private const string A = "aa", B = "bbbb", C = "cccccccc", D = "d";
    private static readonly string F = new('f', 32);
    private static readonly string NeverUploaded = new('e', 16);
    private static readonly string Unreferenced = new('g', 64);

    [Fact]
    public async Task Get_ForAnotherUser_LeavesOutPrivateCollectionsAndTheirBytes()
    {
        await using var scene = await CreateSceneAsync();

        var usage = await scene.Usage().GetAsync(await scene.CallerAsync("bob"));

        Assert.Equal(
            [
                new CollectionUsage(Entity.DefaultName, "misc", 32_000, 1, false),
                new CollectionUsage("alice", "public", 6_000, 4, false),
                new CollectionUsage("lab", "shared", 1_000, 1, false),
                new CollectionUsage("bob", "empty", 0, 0, false),
            ],
            usage.Collections);
        Assert.Equal(
            [new OwnerUsage(OwnerKind.Nobody, Entity.DefaultName, 32_000), new OwnerUsage(OwnerKind.User, "alice", 6_000), new OwnerUsage(OwnerKind.Team, "lab", 1_000)],
            usage.Owners);
        Assert.Equal((39_000L, 6), (usage.TotalBytes, usage.ImageCount));
    }

    [Fact]
    public async Task Get_Anonymous_SeesWhatEveryoneSees()
    {
        await using var scene = await CreateSceneAsync();

        var anonymous = await scene.Usage().GetAsync(Caller.Anonymous);
        var bob = await scene.Usage().GetAsync(await scene.CallerAsync("bob"));

        Assert.Equal(bob.Collections, anonymous.Collections);
        Assert.Equal(bob.Owners, anonymous.Owners);
        Assert.Equal((bob.TotalBytes, bob.ImageCount), (anonymous.TotalBytes, anonymous.ImageCount));
    }

    [Fact]
    public async Task Get_ForTheOwner_CountsContentSharedByTwoCollectionsOnceForOwnerAndTotal()
    {
        await using var scene = await CreateSceneAsync();

        var usage = await scene.Usage().GetAsync(await scene.CallerAsync("alice"));

        Assert.Equal(new CollectionUsage("alice", "secret", 10_000, 2, true), usage.Collections[1]);
        Assert.Equal(5, usage.Collections.Count);
        // aa lies in both of alice's collections (and twice in one): 2 000 + 4 000 + 8 000.
        Assert.Equal(new OwnerUsage(OwnerKind.User, "alice", 14_000), usage.Owners[1]);
        Assert.Equal((47_000L, 8), (usage.TotalBytes, usage.ImageCount));
    }

    [Fact]
    public async Task Get_ForAnAdmin_ShowsEveryCollectionAndTheWholeStore()
    {
        await using var scene = await CreateSceneAsync();

        var usage = await scene.Usage().GetAsync(await scene.CallerAsync("admin"));

        Assert.Contains(new CollectionUsage("alice", "secret", 10_000, 2, true), usage.Collections);
        Assert.Equal(5, usage.Collections.Count);
        // Every stored blob, also content no image refers to any more; images only once uploaded.
        Assert.Equal((111_000L, 8), (usage.TotalBytes, usage.ImageCount));
    }

    private async Task<CatalogScene> CreateSceneAsync()
    {
        var scene = await CatalogScene.CreateAsync(postgres);

        var app = await AddContainerAsync(scene, "alice", "public", "app");
        await scene.AddImageAsync(app.Id, A, arch: "amd64");
        await scene.AddImageAsync(app.Id, A, arch: "arm64");
        await scene.AddImageAsync(app.Id, B);
        var copy = await scene.AddContainerAsync(app.CollectionId, "copy");
        await scene.AddImageAsync(copy.Id, A);

        var secret = await AddContainerAsync(scene, "alice", "secret", "app", isPrivate: true);
        await scene.AddImageAsync(secret.Id, C);
        await scene.AddImageAsync(secret.Id, A);

        var shared = await AddContainerAsync(scene, "lab", "shared", "tool");
        await scene.AddImageAsync(shared.Id, D);
        await scene.AddImageAsync(shared.Id, NeverUploaded, uploaded: false);

        var misc = await AddContainerAsync(scene, Entity.DefaultName, "misc", "old");
        await scene.AddImageAsync(misc.Id, F);

        await scene.AddCollectionAsync("bob", "empty");

        var db = scene.Context();
        foreach (var content in new[] { A, B, C, D, F, Unreferenced }.Where(c => !db.Blobs.Any(b => b.Digest == CatalogScene.Digest(c).Hex)))
            db.Blobs.Add(new StoredBlob { Digest = CatalogScene.Digest(content).Hex, Size = content.Length * 1000L, CreatedAt = scene.Time.GetUtcNow() });
        await db.SaveChangesAsync();
        return scene;
    }

    private static async Task<Container> AddContainerAsync(CatalogScene scene, string entity, string collection, string name, bool isPrivate = false)
    {
        var added = await scene.AddCollectionAsync(entity, collection, isPrivate);
        return await scene.AddContainerAsync(added.Id, name);
    }
}
