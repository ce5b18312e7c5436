using System.Net;
using System.Text.RegularExpressions;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Web;

namespace SRegistry.Server.Tests.Privacy;

/// <summary>The robot pages of a collection and of a team: make (secret shown once), list, revoke; other users get 404 or 403.</summary>
[Collection(PrivateModeCollection.Name)]
public sealed partial class RobotPagesTests(PrivateModeFixture registry)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Owner_MakesListsAndRevokesARobot_OnTheWebPage(bool forTeam)
    {
        var scene = new RobotScene(registry);
        var page = forTeam ? $"/teams/{registry.Team}/robots" : $"/c/{registry.Alice}/{await scene.CollectionAsync("web")}/robots";
        using var session = await SessionAsync(registry.Alice);

        var created = await PostAsync(session, page, "Create", new() { ["name"] = "builder", ["scopes"] = "push" });
        var html = await created.Content.ReadAsStringAsync();
        var robot = WebUtility.HtmlDecode(NewRobot().Match(html).Groups[1].Value);
        var token = WebUtility.HtmlDecode(NewToken().Match(html).Groups[1].Value);
        var worked = (await new RestClient(registry.Server.Client, token).GetAsync("/api/v1/me")).Status;
        var listed = WebUtility.HtmlDecode(await session.GetStringAsync(page));
        using var revoked = await PostAsync(session, page, "Revoke", new() { ["robotName"] = robot });
        var afterRevoke = (await new RestClient(registry.Server.Client, token).GetAsync("/api/v1/me")).Status;
        var revokedList = WebUtility.HtmlDecode(await session.GetStringAsync(page));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.EndsWith("+builder", robot, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, worked);
        Assert.Contains(robot, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke);
        Assert.Contains(">revoked<", revokedList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherUser_GetsNotFound_ForAPrivateCollectionsRobots_AndForbidden_ForAPublicOnes()
    {
        var stranger = Tests.Library.LibraryServerFixture.UniqueName("stranger");
        await Infrastructure.AdminCli.OkAsync(registry.DataDirectory, WebUsers.Password + "\n", "user", "create", stranger, "--password-stdin");
        var scene = new RobotScene(registry);
        var open = await scene.CollectionAsync("open");
        var hidden = await scene.CollectionAsync("hidden");
        (await registry.Rest.PatchAsync($"/api/v1/collections/{registry.Alice}/{hidden}", new { @private = true })).Json();
        using var session = await SessionAsync(stranger);

        using var openPage = await session.GetAsync($"/c/{registry.Alice}/{open}/robots");
        using var hiddenPage = await session.GetAsync($"/c/{registry.Alice}/{hidden}/robots");
        using var teamPage = await session.GetAsync($"/teams/{registry.Team}/robots");

        Assert.Equal(HttpStatusCode.Forbidden, openPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, teamPage.StatusCode);
    }

    private async Task<HttpClient> SessionAsync(string user)
    {
        var session = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = registry.Server.BaseAddress };
        await WebForms.SignInAsync(session, user, WebUsers.Password);
        return session;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient session, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebForms.AntiforgeryTokenAsync(session, page);
        return await session.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("id=\"new-robot-name\">([^<]+)<")]
    private static partial Regex NewRobot();

    [GeneratedRegex("id=\"new-robot-token\">([^<]+)<")]
    private static partial Regex NewToken();
}
