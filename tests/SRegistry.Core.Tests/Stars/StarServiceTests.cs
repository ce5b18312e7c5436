using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Paging;
using SRegistry.Core.Stars;
using SRegistry.Core.Tests.Catalog;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Stars;

[Collection("Postgres")]
public sealed class StarServiceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Star_VisibleContainer_IsStarredCountedAndReturnedWithItsPath()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var container = await AddContainerAsync(scene, "alice", "tools", "blast");
        var bob = await scene.CallerAsync("bob");

        var result = await scene.Stars().StarAsync(container.Id, bob);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal("alice/tools/blast", CatalogText.Path(result.Value));
        Assert.Equal(1, await scene.Stars().CountAsync(container.Id));
        Assert.True(await scene.Stars().IsStarredAsync(container.Id, bob));
        Assert.False(await scene.Stars().IsStarredAsync(container.Id, await scene.CallerAsync("carol")));
    }

    [Fact]
    public async Task Star_Twice_KeepsOneStar()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var container = await AddContainerAsync(scene, "alice", "tools", "blast");
        var bob = await scene.CallerAsync("bob");

        var first = await scene.Stars().StarAsync(container.Id, bob);
        var second = await scene.Stars().StarAsync(container.Id, bob);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(1, await scene.Stars().CountAsync(container.Id));
    }

    [Fact]
    public async Task Star_WhileTheSameStarIsSavedConcurrently_SucceedsWithOneStar()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var container = await AddContainerAsync(scene, "alice", "tools", "blast");
        var bob = await scene.CallerAsync("bob");
        RegistryResult<Container>? rival = null;
        // The rival request saves the star after this one checked for it and just before this one inserts it.
        var race = new BeforeCommandInterceptor("INSERT INTO stars", async () => rival = await scene.Stars().StarAsync(container.Id, bob));

        var result = await new StarService(scene.Context(race), scene.Time).StarAsync(container.Id, bob);

        Assert.True(race.RivalRan);
        Assert.True(rival!.Succeeded, rival.Message);
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(1, await scene.Stars().CountAsync(container.Id));
    }

    [Fact]
    public async Task StarUnstarAndList_Anonymous_AreForbidden()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var container = await AddContainerAsync(scene, "alice", "tools", "blast");

        var star = await scene.Stars().StarAsync(container.Id, Caller.Anonymous);
        var unstar = await scene.Stars().UnstarAsync(container.Id, Caller.Anonymous);
        var list = await scene.Stars().ListStarredAsync(Caller.Anonymous, PageRequest.First);

        Assert.Equal(RegistryError.Forbidden, star.Error);
        Assert.Equal(RegistryError.Forbidden, unstar.Error);
        Assert.Equal(RegistryError.Forbidden, list.Error);
        Assert.False(await scene.Stars().IsStarredAsync(container.Id, Caller.Anonymous));
        Assert.Equal(0, await scene.Stars().CountAsync(container.Id));
    }

    [Fact]
    public async Task StarAndUnstar_PrivateContainerOfOthersOrUnknownId_AreNotFound()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var secret = await AddContainerAsync(scene, "alice", "secret", "blast", isPrivate: true);
        var bob = await scene.CallerAsync("bob");

        var star = await scene.Stars().StarAsync(secret.Id, bob);
        var unstar = await scene.Stars().UnstarAsync(secret.Id, bob);
        var unknown = await scene.Stars().StarAsync(secret.Id + 1000, bob);

        Assert.Equal(RegistryError.NotFound, star.Error);
        Assert.Equal(RegistryError.NotFound, unstar.Error);
        Assert.Equal(RegistryError.NotFound, unknown.Error);
        Assert.Equal(0, await scene.Stars().CountAsync(secret.Id));
    }

    [Fact]
    public async Task Unstar_RemovesTheStarAndWithoutOneChangesNothing()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var container = await AddContainerAsync(scene, "alice", "tools", "blast");
        var bob = await scene.CallerAsync("bob");
        var carol = await scene.CallerAsync("carol");
        await scene.Stars().StarAsync(container.Id, bob);
        await scene.Stars().StarAsync(container.Id, carol);

        var removed = await scene.Stars().UnstarAsync(container.Id, bob);
        var again = await scene.Stars().UnstarAsync(container.Id, bob);

        Assert.True(removed.Succeeded, removed.Message);
        Assert.Equal("alice/tools/blast", CatalogText.Path(removed.Value));
        Assert.True(again.Succeeded, again.Message);
        Assert.False(await scene.Stars().IsStarredAsync(container.Id, bob));
        Assert.True(await scene.Stars().IsStarredAsync(container.Id, carol));
        Assert.Equal(1, await scene.Stars().CountAsync(container.Id));
    }

    [Fact]
    public async Task ListStarred_IsTheCallersStarsOrderedByPathAndPaged()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var labZeta = await AddContainerAsync(scene, "lab", "alpha", "zeta");
        var aliceToolsB = await AddContainerAsync(scene, "alice", "tools", "b");
        var aliceToolsA = await scene.AddContainerAsync(aliceToolsB.CollectionId, "a");
        var aliceAppsZ = await AddContainerAsync(scene, "alice", "apps", "z");
        var notStarred = await scene.AddContainerAsync(aliceToolsB.CollectionId, "c");
        var bob = await scene.CallerAsync("bob");
        foreach (var container in new[] { labZeta, aliceToolsB, aliceToolsA, aliceAppsZ })
            await scene.Stars().StarAsync(container.Id, bob);
        await scene.Stars().StarAsync(notStarred.Id, await scene.CallerAsync("carol"));

        var first = await scene.Stars().ListStarredAsync(bob, new PageRequest(1, 3));
        var second = await scene.Stars().ListStarredAsync(bob, new PageRequest(2, 3));

        Assert.Equal(["alice/apps/z", "alice/tools/a", "alice/tools/b"], first.Value!.Items.Select(c => CatalogText.Path(c)));
        Assert.Equal(["lab/alpha/zeta"], second.Value!.Items.Select(c => CatalogText.Path(c)));
        Assert.Equal((4, true, false), (first.Value.Total, first.Value.HasNext, second.Value.HasNext));
    }

    [Fact]
    public async Task Stars_WhenTheCollectionTurnsPrivate_AreHiddenFromNonMembersOnly()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var container = await AddContainerAsync(scene, "alice", "tools", "blast");
        var bob = await scene.CallerAsync("bob");
        var alice = await scene.CallerAsync("alice");
        await scene.Stars().StarAsync(container.Id, bob);
        await scene.Stars().StarAsync(container.Id, alice);

        var db = scene.Context();
        (await db.Collections.SingleAsync(c => c.Id == container.CollectionId)).IsPrivate = true;
        await db.SaveChangesAsync();

        Assert.Empty((await scene.Stars().ListStarredAsync(bob, PageRequest.First)).Value!.Items);
        Assert.Equal(0, (await scene.Stars().ListStarredAsync(bob, PageRequest.First)).Value!.Total);
        Assert.False(await scene.Stars().IsStarredAsync(container.Id, bob));
        Assert.Equal(RegistryError.NotFound, (await scene.Stars().StarAsync(container.Id, bob)).Error);
        Assert.Single((await scene.Stars().ListStarredAsync(alice, PageRequest.First)).Value!.Items);

        // Made a contributor, bob sees the collection and his star again.
        await scene.AddMemberAsync(container.CollectionId, CollectionRole.Contributor, userName: "bob");
        Assert.Single((await scene.Stars().ListStarredAsync(bob, PageRequest.First)).Value!.Items);
        Assert.True(await scene.Stars().IsStarredAsync(container.Id, bob));
    }

    private static async Task<Container> AddContainerAsync(CatalogScene scene, string entity, string collection, string name, bool isPrivate = false)
    {
        var added = await scene.AddCollectionAsync(entity, collection, isPrivate);
        return await scene.AddContainerAsync(added.Id, name);
    }
}
