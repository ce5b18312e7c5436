using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Sharing;
using SRegistry.Core.Tests.Catalog;
using SRegistry.Core.Tests.Persistence;

namespace SRegistry.Core.Tests.Sharing;

[Collection("Postgres")]
public sealed class ShareLinkServiceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Open_BeforeExpiry_GivesTheImageAndRecordsTheUse_AfterExpiry_GivesNothing()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var image = await PrivateImageAsync(scene);
        var created = await Sharing(scene).CreateAsync(image.Id, TimeSpan.FromHours(1), await scene.CallerAsync("alice"));
        Assert.True(created.Succeeded, created.Message);

        var opened = await Sharing(scene).OpenAsync(created.Value.Secret, recordUse: true);
        scene.Time.Advance(TimeSpan.FromHours(1));
        var late = await Sharing(scene).OpenAsync(created.Value.Secret, recordUse: true);

        Assert.Equal(image.Id, opened?.Id);
        Assert.Null(late);
        Assert.Equal(1, (await scene.Context().ShareLinks.SingleAsync()).UseCount);
        var uses = await scene.Context().AuditEvents.Where(e => e.Action == SharingAuditActions.Use).ToListAsync();
        Assert.Single(uses);
        Assert.Contains("alice/tools/bwa", uses[0].Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_AfterRevoke_GivesNothing_AndTheStoredHashIsNotTheSecret()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var image = await PrivateImageAsync(scene);
        var alice = await scene.CallerAsync("alice");
        var created = await Sharing(scene).CreateAsync(image.Id, TimeSpan.FromDays(1), alice);

        var revoked = await Sharing(scene).RevokeAsync(created.Value!.Link.Id, alice);

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.Null(await Sharing(scene).OpenAsync(created.Value.Secret, recordUse: false));
        var stored = await scene.Context().ShareLinks.SingleAsync();
        Assert.NotEqual(System.Text.Encoding.UTF8.GetBytes(created.Value.Secret), stored.SecretHash);
        Assert.Equal(SRegistry.Core.Security.SecretFormat.Hash(created.Value.Secret), stored.SecretHash);
    }

    [Fact]
    public async Task Create_ByContributorOrOutsider_IsRefusedAndCreatesNothing()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var image = await PrivateImageAsync(scene);
        await scene.AddMemberAsync(image.Container.CollectionId, CollectionRole.Contributor, userName: "bob");

        var byContributor = await Sharing(scene).CreateAsync(image.Id, TimeSpan.FromDays(1), await scene.CallerAsync("bob"));
        var byOutsider = await Sharing(scene).CreateAsync(image.Id, TimeSpan.FromDays(1), await scene.CallerAsync("erin"));
        var anonymous = await Sharing(scene).CreateAsync(image.Id, TimeSpan.FromDays(1), Caller.Anonymous);

        Assert.Equal(RegistryError.Forbidden, byContributor.Error);
        Assert.Equal(RegistryError.NotFound, byOutsider.Error);
        Assert.Equal(RegistryError.NotFound, anonymous.Error);
        Assert.False(await scene.Context().ShareLinks.AnyAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(31 * 24 * 3600)]
    public async Task Create_WithLifetimeOutOfRange_IsRefused(int seconds)
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var image = await PrivateImageAsync(scene);

        var result = await Sharing(scene).CreateAsync(image.Id, TimeSpan.FromSeconds(seconds), await scene.CallerAsync("alice"));

        Assert.Equal(RegistryError.InvalidExpiry, result.Error);
        Assert.Contains("between", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ByAnotherUser_IsNotFoundAndTheLinkKeepsWorking()
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        var image = await PrivateImageAsync(scene);
        var created = await Sharing(scene).CreateAsync(image.Id, TimeSpan.FromDays(1), await scene.CallerAsync("alice"));

        var result = await Sharing(scene).RevokeAsync(created.Value!.Link.Id, await scene.CallerAsync("bob"));

        Assert.Equal(RegistryError.NotFound, result.Error);
        Assert.NotNull(await Sharing(scene).OpenAsync(created.Value.Secret, recordUse: false));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("shr_short")]
    [InlineData("sreg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Open_WithJunk_GivesNothing(string? secret)
    {
        await using var scene = await CatalogScene.CreateAsync(postgres);
        Assert.Null(await Sharing(scene).OpenAsync(secret, recordUse: true));
    }

    private static ShareLinkService Sharing(CatalogScene scene)
    {
        var db = scene.Context();
        return new ShareLinkService(db, new AuditLog(db, scene.Time), scene.Time, Options.Create(new SharingOptions()));
    }

    private static async Task<Image> PrivateImageAsync(CatalogScene scene)
    {
        var tools = await scene.AddCollectionAsync("alice", "tools", isPrivate: true);
        var bwa = await scene.AddContainerAsync(tools.Id, "bwa");
        var image = await scene.AddImageAsync(bwa.Id, "bwa-1", tags: ["latest"]);
        image.Container = bwa;
        return image;
    }
}
