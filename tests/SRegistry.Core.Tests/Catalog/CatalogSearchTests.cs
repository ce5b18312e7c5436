using SRegistry.Core.Domain;
using SRegistry.Core.Catalog;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Catalog;

[Collection("Postgres")]
public sealed class CatalogSearchTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Search_PrivateCollections_AreFoundOnlyByThoseWhoMaySeeThem()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var open = await scene.AddCollectionAsync("alice", "genomics-open");
        var secret = await scene.AddCollectionAsync("alice", "genomics-secret", isPrivate: true);
        await scene.AddImageAsync((await scene.AddContainerAsync(open.Id, "genomics-tools")).Id, "one");
        await scene.AddImageAsync((await scene.AddContainerAsync(secret.Id, "genomics-hidden")).Id, "two");

        var anonymous = (await scene.Search().SearchAsync("GENOMICS", null, null, Caller.Anonymous)).Value!;
        var alice = (await scene.Search().SearchAsync("genomics", null, null, await scene.CallerAsync("alice"))).Value!;

        Assert.Equal(new[] { "genomics-open" }, anonymous.Collections.Select(c => c.Name));
        Assert.Equal(new[] { "genomics-tools" }, anonymous.Containers.Select(c => c.Name));
        Assert.Equal(new[] { "genomics-tools" }, anonymous.Images.Select(i => i.Container.Name));
        Assert.Equal(new[] { "genomics-open", "genomics-secret" }, alice.Collections.Select(c => c.Name));
        Assert.Equal(new[] { "genomics-tools", "genomics-hidden" }, alice.Containers.Select(c => c.Name));
        Assert.Equal(2, alice.Images.Count);
    }

    [Fact]
    public async Task Search_Descriptions_MatchIgnoringCase()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        await scene.AddContainerAsync(tools.Id, "bwa", description: "Burrows-Wheeler ALIGNER");

        var result = (await scene.Search().SearchAsync("aligner", null, null, Caller.Anonymous)).Value!;

        Assert.Equal("bwa", Assert.Single(result.Containers).Name);
        Assert.Empty(result.Images);
    }

    [Fact]
    public async Task Search_Entities_MatchByName()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = (await scene.Search().SearchAsync("lic", null, null, Caller.Anonymous)).Value!;

        Assert.Equal("alice", Assert.Single(result.Entities).Name);
    }

    [Fact]
    public async Task Search_ArchAndSignedFilters_ApplyToImages()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var tools = await scene.AddCollectionAsync("alice", "tools");
        var bwa = await scene.AddContainerAsync(tools.Id, "bwa");
        var signedAmd64 = await scene.AddImageAsync(bwa.Id, "one", signed: true);
        var unsignedAmd64 = await scene.AddImageAsync(bwa.Id, "two");
        var signedArm64 = await scene.AddImageAsync(bwa.Id, "three", arch: "arm64", signed: true);
        await scene.AddImageAsync(bwa.Id, "four", uploaded: false);

        var search = scene.Search();
        var all = (await search.SearchAsync("bwa", "", null, Caller.Anonymous)).Value!;
        var arm64 = (await search.SearchAsync("bwa", "arm64", null, Caller.Anonymous)).Value!;
        var signedOnly = (await search.SearchAsync("bwa", null, true, Caller.Anonymous)).Value!;
        var unsignedAmd64Only = (await search.SearchAsync("bwa", "amd64", false, Caller.Anonymous)).Value!;

        Assert.Equal(new[] { signedAmd64.Id, unsignedAmd64.Id, signedArm64.Id }, all.Images.Select(i => i.Id));
        Assert.Equal(signedArm64.Id, Assert.Single(arm64.Images).Id);
        Assert.Equal(new[] { signedAmd64.Id, signedArm64.Id }, signedOnly.Images.Select(i => i.Id));
        Assert.Equal(unsignedAmd64.Id, Assert.Single(unsignedAmd64Only.Images).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("  ab  ")]
    public async Task Search_TextShorterThanThreeCharacters_IsRefused(string text)
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);

        var result = await scene.Search().SearchAsync(text, null, null, Caller.Anonymous);

        Assert.Equal(RegistryError.InvalidQuery, result.Error);
        Assert.Contains("at least 3", result.Message);
    }

    [Fact]
    public async Task Search_WildcardCharacters_AreMatchedLiterally()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        await scene.AddCollectionAsync("alice", "tools");

        var result = (await scene.Search().SearchAsync("%_%", null, null, Caller.Anonymous)).Value!;

        Assert.Empty(result.Entities);
        Assert.Empty(result.Collections);
    }

    [Fact]
    public async Task Search_ImagesByTagOrLabel_AreFound_ButNotInPrivateCollectionsOfOthers()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var open = await scene.AddContainerAsync((await scene.AddCollectionAsync("alice", "tools")).Id, "bwa");
        var hidden = await scene.AddContainerAsync((await scene.AddCollectionAsync("alice", "secret", isPrivate: true)).Id, "bwa");
        var tagged = await scene.AddImageAsync(open.Id, "bwa-1", tags: ["release-2026"]);
        var labelled = await scene.AddImageAsync(open.Id, "bwa-2");
        var hiddenImage = await scene.AddImageAsync(hidden.Id, "bwa-3", tags: ["release-2026"]);
        var db = scene.Context();
        db.Labels.Add(new Label { ImageId = labelled.Id, Key = "org.doi", Value = "10.5281/Zenodo.4242" });
        await db.SaveChangesAsync();

        var byTag = (await scene.Search().SearchAsync("release-2026", null, null, await scene.CallerAsync("bob"))).Value!;
        var byLabel = (await scene.Search().SearchAsync("zenodo.4242", null, null, Caller.Anonymous)).Value!;
        var byOwner = (await scene.Search().SearchAsync("release-2026", null, null, await scene.CallerAsync("alice"))).Value!;

        Assert.Equal([tagged.Id], byTag.Images.Select(i => i.Id));
        Assert.Equal([labelled.Id], byLabel.Images.Select(i => i.Id));
        Assert.Equal([tagged.Id, hiddenImage.Id], byOwner.Images.Select(i => i.Id).Order());
    }
}
