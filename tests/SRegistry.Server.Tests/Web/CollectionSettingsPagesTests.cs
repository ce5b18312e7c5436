using System.Net;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Web;

/// <summary>The collection settings page in a real Chromium: privacy, members, freezing and deleting.</summary>
[Collection(RestApiCollection.Name)]
public sealed class CollectionSettingsPagesTests(LibraryServerFixture server)
{
    private readonly WebUsers users = new(server);

    [Fact]
    public async Task MakePrivate_HidesItFromOthers_AddingAContributorShowsItToThem_ButNotItsSettings()
    {
        var (owner, scene) = await users.CreateWithTokenAsync();
        var collection = await scene.CollectionAsync(isPrivate: false);
        await scene.PushAsync(collection);
        var other = await users.CreateAsync();
        using var otherSession = await users.SessionAsync(other);
        using var browser = new Browser(server.Url);

        browser.SignIn(owner, WebUsers.Password);
        browser.Open($"/c/{owner}/{collection}");
        browser.Click("#collection-settings");
        browser.Click("#isPrivate");
        browser.Click("#save-settings");
        var saved = browser.Text("[role=status]");
        using var whilePrivate = await otherSession.GetAsync($"/c/{owner}/{collection}");
        using var settingsWhilePrivate = await otherSession.GetAsync($"/c/{owner}/{collection}/settings");
        browser.Fill("#name", other);
        browser.Choose("#role", "Contributor");
        browser.Click("#add-member");
        browser.Find("[role=status]");
        var members = browser.Text("#members");
        browser.Screenshot("collection-settings");
        using var asContributor = await otherSession.GetAsync($"/c/{owner}/{collection}");
        using var settingsAsContributor = await otherSession.GetAsync($"/c/{owner}/{collection}/settings");

        Assert.Contains("private", saved, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, whilePrivate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, settingsWhilePrivate.StatusCode);
        Assert.Contains(other, members, StringComparison.Ordinal);
        Assert.Contains("Contributor", browser.Find($"#members select[aria-label='Role of {other}'] option[selected]").Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asContributor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, settingsAsContributor.StatusCode);
        Assert.DoesNotContain("collection-settings", await asContributor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreezeAContainer_TheLibraryApiCannotDeleteItsImage_UntilUnfrozen()
    {
        var (owner, scene) = await users.CreateWithTokenAsync();
        var collection = await scene.CollectionAsync(isPrivate: false);
        await scene.PushAsync(collection, container: "tool");
        var reference = $"/v1/images/{owner}/{collection}/tool:v1?arch=amd64";
        using var browser = new Browser(server.Url);

        browser.SignIn(owner, WebUsers.Password);
        browser.Open($"/c/{owner}/{collection}/settings");
        browser.Click("#freeze-tool");
        var frozen = browser.TextOnceItContains("#containers", "frozen");
        var whileFrozen = await scene.AliceLibrary.DeleteAsync(reference);
        browser.Click("#freeze-tool");
        browser.TextOnceItContains("#containers", "open");
        var afterUnfreezing = await scene.AliceLibrary.DeleteAsync(reference);

        Assert.Contains("frozen", frozen, StringComparison.Ordinal);
        whileFrozen.Error(HttpStatusCode.Forbidden, "frozen");
        afterUnfreezing.Ok();
    }

    [Fact]
    public async Task Delete_WithAWrongName_IsRefusedAndKeepsIt_WithTheTypedName_RemovesIt()
    {
        var (owner, scene) = await users.CreateWithTokenAsync();
        var collection = await scene.CollectionAsync(isPrivate: false);
        await scene.PushAsync(collection);
        var path = $"/api/v1/collections/{owner}/{collection}";
        using var browser = new Browser(server.Url);

        browser.SignIn(owner, WebUsers.Password);
        browser.Open($"/c/{owner}/{collection}/settings");
        browser.Fill("#confirmName", collection + "x");
        browser.Click("#delete-collection");
        var refusal = browser.Text("[role=alert]");
        browser.Screenshot("collection-delete-refused");
        var afterRefusal = await scene.Alice.GetAsync(path);
        browser.Fill("#confirmName", collection);
        browser.Click("#delete-collection");
        var deleted = browser.Text("[role=status]");

        Assert.Contains("to confirm", refusal, StringComparison.Ordinal);
        afterRefusal.Json();
        Assert.Contains("deleted", deleted, StringComparison.Ordinal);
        Assert.Equal("/", browser.Path);
        (await scene.Alice.GetAsync(path)).Problem(HttpStatusCode.NotFound, "not_found");
    }
}
