using System.Net;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Web;

/// <summary>Teams in a real Chromium: creating one, inviting by link, joining, and what joining gives.</summary>
[Collection(RestApiCollection.Name)]
public sealed class TeamPagesTests(LibraryServerFixture server)
{
    private readonly WebUsers users = new(server);

    [Fact]
    public async Task InviteByLink_TheInviteeJoinsByPost_AndSeesACollectionSharedWithTheTeam()
    {
        var (owner, scene) = await users.CreateWithTokenAsync();
        var collection = await scene.CollectionAsync(isPrivate: true);
        await scene.PushAsync(collection);
        var bob = await users.CreateAsync();
        using var bobSession = await users.SessionAsync(bob);
        var team = LibraryServerFixture.UniqueName("team");
        using var browser = new Browser(server.Url);

        browser.SignIn(owner, WebUsers.Password);
        browser.Open("/teams");
        browser.Fill("#name", team);
        browser.Fill("#description", "The lab");
        browser.Click("#create-team");
        browser.Find("[role=status]");
        Assert.Equal($"/teams/{team}", browser.Path);
        browser.Open($"/c/{owner}/{collection}/settings");
        browser.Choose("#kind", "Team");
        browser.Fill("#name", team);
        browser.Choose("#role", "Contributor");
        browser.Click("#add-member");
        browser.Find("[role=status]");
        browser.Open($"/teams/{team}");
        browser.Click("#create-invitation");
        var invitation = browser.Text("#invitation-url");
        browser.Screenshot("team");
        browser.Open("/teams");
        browser.Screenshot("teams");
        browser.SignOut();

        browser.SignIn(bob, WebUsers.Password);
        browser.Open(new Uri(invitation).AbsolutePath);
        var offered = browser.Text("#team-name");
        browser.Screenshot("team-join");
        using var beforeJoining = await bobSession.GetAsync($"/c/{owner}/{collection}");
        browser.Click("#join-team");
        browser.Find("[role=status]");
        var joinedPath = browser.Path;
        var members = browser.Text("#members");
        browser.Open($"/c/{owner}/{collection}");
        var heading = browser.Text("h1");

        Assert.Equal(team, offered);
        Assert.Equal(HttpStatusCode.NotFound, beforeJoining.StatusCode);
        Assert.Equal($"/teams/{team}", joinedPath);
        Assert.Contains(bob, members, StringComparison.Ordinal);
        Assert.Contains(collection, heading, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await bobSession.GetAsync($"/c/{owner}/{collection}")).StatusCode);
    }

    [Fact]
    public async Task JoinPage_WithAnUnknownSecret_SaysSo_AndAnonymousVisitorsAreSentToSignIn()
    {
        var user = await users.CreateAsync();
        using var session = await users.SessionAsync(user);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Url };

        using var unknown = await session.GetAsync("/teams/join/inv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var signedOut = await anonymous.GetAsync("/teams/join/inv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("not valid", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/auth/sign-in?ReturnUrl=%2Fteams%2Fjoin%2F", signedOut.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_AddsAMemberByName_MakesThemOwner_AndDeletesTheTeamAfterConfirming()
    {
        var owner = await users.CreateAsync();
        var carol = await users.CreateAsync();
        var team = LibraryServerFixture.UniqueName("team");
        using var browser = new Browser(server.Url);

        browser.SignIn(owner, WebUsers.Password);
        browser.Open("/teams");
        browser.Fill("#name", team);
        browser.Click("#create-team");
        browser.Find("[role=status]");
        browser.Fill("#userName", carol);
        browser.Choose("#role", "Owner");
        browser.Click("#add-member");
        var added = browser.Text("[role=status]");
        var carolRole = browser.Find($"select[aria-label='Role of {carol}'] option[selected]").GetAttribute("value");
        browser.ClickAndConfirm("#delete-team");
        var deleted = browser.Text("[role=status]");
        var path = browser.Path;
        using var session = await users.SessionAsync(owner);

        Assert.Contains(carol, added, StringComparison.Ordinal);
        Assert.Equal("Owner", carolRole);
        Assert.Contains("deleted", deleted, StringComparison.Ordinal);
        Assert.Equal("/teams", path);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/teams/{team}")).StatusCode);
    }

    [Fact]
    public async Task Delete_WhileTheTeamOwnsAnEntity_IsRefusedWithAMessage_AndTheTeamStays()
    {
        var (owner, scene) = await users.CreateWithTokenAsync();
        var team = LibraryServerFixture.UniqueName("team");
        using var browser = new Browser(server.Url);

        browser.SignIn(owner, WebUsers.Password);
        browser.Open("/teams");
        browser.Fill("#name", team);
        browser.Click("#create-team");
        browser.Find("[role=status]");
        (await scene.Alice.PostAsync("/api/v1/entities", new { name = team })).Json(HttpStatusCode.Created);
        browser.ClickAndConfirm("#delete-team");
        var refusal = browser.Text("[role=alert]");

        Assert.Contains("still owns", refusal, StringComparison.Ordinal);
        Assert.Equal(team, (await scene.Alice.GetAsync($"/api/v1/teams/{team}")).Json().GetProperty("name").GetString());
    }
}
