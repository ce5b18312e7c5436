using System.Net;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Library;
using SRegistry.Server.Web;

namespace SRegistry.Server.Tests.Web;

/// <summary>The usage page in Chromium: what the signed-in user stores, never what others keep private.</summary>
[Collection(RestApiCollection.Name)]
public sealed class UsagePageTests(LibraryServerFixture server)
{
    private readonly WebUsers users = new(server);

    [Fact]
    public async Task Usage_ShowsTheUsersPushedBytes_AndHidesAnotherUsersPrivateCollection()
    {
        var user = await users.CreateAsync();
        var mine = new RestScene(server, user, await users.TokenAsync(user));
        var myCollection = await mine.CollectionAsync(isPrivate: true);
        var image = await mine.PushAsync(myCollection);
        var bytes = new FileInfo(image.File).Length;
        var alice = new RestScene(server);
        var secret = await alice.CollectionAsync(isPrivate: true);
        await alice.PushAsync(secret);
        using var browser = new Browser(server.Url);

        browser.SignIn(user, WebUsers.Password);
        browser.ClickLink("Usage");
        var row = browser.Find($"#collections a[href='/c/{user}/{myCollection}']").FindElement(OpenQA.Selenium.By.XPath("ancestor::tr"));
        var chart = browser.Find("#collection-chart svg").GetAttribute("outerHTML");
        browser.Screenshot("usage");

        Assert.Equal("/usage", browser.Path);
        Assert.Contains(bytes.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Text, StringComparison.Ordinal);
        Assert.Equal(Sizes.Format(bytes), browser.Text("#own-total"));
        Assert.Contains($"{user}/{myCollection}", chart, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, browser.PageSource, StringComparison.Ordinal);
        Assert.Empty(browser.Driver.FindElements(OpenQA.Selenium.By.CssSelector("#registry-total")));
    }

    [Fact]
    public async Task Usage_SendsAnonymousVisitorsToSignIn()
    {
        using var anonymous = await users.SessionAsync(null);

        using var response = await anonymous.GetAsync("/usage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/auth/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_ForAnAdministrator_ShowsTheRegistryTotal()
    {
        var admin = await users.CreateAsync(admin: true);
        await new RestScene(server).PushAsync(await new RestScene(server).CollectionAsync(isPrivate: true));
        using var session = await users.SessionAsync(admin);

        var page = await session.GetStringAsync("/usage");

        Assert.Contains("id=\"registry-total\"", page, StringComparison.Ordinal);
        Assert.Contains("badge private", page, StringComparison.Ordinal);
    }
}
