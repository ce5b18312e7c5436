using System.Net;
using System.Net.Http.Headers;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Web;

/// <summary>The administration pages: invisible to everyone but administrators, and working for them.</summary>
[Collection(RestApiCollection.Name)]
public sealed class AdminPageTests(LibraryServerFixture server)
{
    private readonly WebUsers users = new(server);

    private static readonly string[] Pages = ["/admin", "/admin/settings", "/admin/audit"];

    [Fact]
    public async Task AdminPages_AreNotFound_ForAnonymousAndOrdinaryUsers_EvenWithAValidForm()
    {
        var user = await users.CreateAsync();
        using var anonymous = await users.SessionAsync(null);
        using var ordinary = await users.SessionAsync(user);
        var token = await WebForms.AntiforgeryTokenAsync(ordinary, "/auth/tokens");
        var victim = LibraryServerFixture.UniqueName("new");

        foreach (var page in Pages)
        {
            using var asAnonymous = await anonymous.GetAsync(page);
            using var asUser = await ordinary.GetAsync(page);
            Assert.True(asAnonymous.StatusCode == HttpStatusCode.NotFound, $"{page} answered {(int)asAnonymous.StatusCode} to an anonymous visitor");
            Assert.True(asUser.StatusCode == HttpStatusCode.NotFound, $"{page} answered {(int)asUser.StatusCode} to an ordinary user");
        }

        using var create = await ordinary.PostAsync("/admin?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = victim, ["isAdmin"] = "true", ["__RequestVerificationToken"] = token,
        }));
        using var promote = await ordinary.PostAsync("/admin?handler=Admin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["admin"] = "true", ["__RequestVerificationToken"] = token,
        }));
        var home = await ordinary.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, promote.StatusCode);
        Assert.DoesNotContain("href=\"/admin\"", home, StringComparison.Ordinal);
        var listed = await AdminCliUsersAsync();
        Assert.DoesNotContain(victim, listed, StringComparison.Ordinal);
        Assert.DoesNotContain($"{user}\tadmin", listed, StringComparison.Ordinal);
        using var stillNotAdmin = await ordinary.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.NotFound, stillNotAdmin.StatusCode);
    }

    [Fact]
    public async Task Admin_CreatesAUser_ThenDisablesThem_AndTheirTokenStopsWorking()
    {
        var admin = await users.CreateAsync(admin: true);
        var created = LibraryServerFixture.UniqueName("made");
        using var browser = new Browser(server.Url);

        browser.SignIn(admin, WebUsers.Password);
        browser.ClickLink("Admin");
        browser.Fill("#userName", created);
        browser.Fill("#password", "another long passphrase");
        browser.Click("#create-user");
        var notice = browser.Find("[role=status]");
        var createdNotice = notice.Text;
        var token = await users.TokenAsync(created);
        var before = await TokenStatusAsync(token);
        browser.Screenshot("admin-users");
        browser.ClickAndConfirm($"tr[id='user-{created}'] form[action*='handler=Active'] button");
        Replaced(browser, notice);
        var disabled = browser.Text("[role=status]");
        var after = await TokenStatusAsync(token);
        var ownRow = browser.Find($"tr[id='user-{admin}']");

        Assert.Contains(created, createdNotice, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Contains("disabled", disabled, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after);
        Assert.Empty(ownRow.FindElements(By.CssSelector("form")));
    }

    [Fact]
    public async Task Admin_CannotDisableThemself_EvenByAForgedForm()
    {
        var admin = await users.CreateAsync(admin: true);
        using var session = await users.SessionAsync(admin);
        var token = await WebForms.AntiforgeryTokenAsync(session, "/admin");

        using var disable = await session.PostAsync("/admin?handler=Active", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = admin, ["active"] = "false", ["__RequestVerificationToken"] = token,
        }));
        using var demote = await session.PostAsync("/admin?handler=Admin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = admin, ["admin"] = "false", ["__RequestVerificationToken"] = token,
        }));
        var listed = await AdminCliUsersAsync();

        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Contains("cannot disable your own account", await disable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Contains("cannot withdraw your own administration", await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"{admin}\tadmin\tactive", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_MakesAUserAnAdministrator_WhoThenSeesTheAdminPages_UntilRevoked()
    {
        var admin = await users.CreateAsync(admin: true);
        var user = await users.CreateAsync();
        using var adminSession = await users.SessionAsync(admin);
        using var userSession = await users.SessionAsync(user);
        var token = await WebForms.AntiforgeryTokenAsync(adminSession, "/admin");

        using var before = await userSession.GetAsync("/admin");
        using var grant = await SetAdminAsync(adminSession, token, user, true);
        using var granted = await userSession.GetAsync("/admin/audit");
        var nav = await userSession.GetStringAsync("/");
        using var revoke = await SetAdminAsync(adminSession, token, user, false);
        using var revoked = await userSession.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Contains("href=\"/admin\"", nav, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
    }

    [Fact]
    public async Task AuditLog_ShowsTheEvents_NewestFirst_FilteredByActorAndAction()
    {
        var admin = await users.CreateAsync(admin: true);
        var created = LibraryServerFixture.UniqueName("audited");
        using var browser = new Browser(server.Url);
        browser.SignIn(admin, WebUsers.Password);
        browser.Open("/admin");
        browser.Fill("#userName", created);
        browser.Click("#create-user");
        var notice = browser.Find("[role=status]");
        browser.ClickAndConfirm($"tr[id='user-{created}'] form[action*='handler=Active'] button");
        Replaced(browser, notice);

        browser.ClickLink("Audit log");
        browser.Fill("#actor", admin);
        var rows = Filter(browser, "actor=" + admin);
        browser.Screenshot("admin-audit");
        browser.Fill("#action", "user.disable");
        var disables = Filter(browser, "action=user.disable");

        Assert.Equal(2, rows.Count);
        Assert.Contains("user.disable", rows[0], StringComparison.Ordinal);
        Assert.Contains($"user:{created}", rows[0], StringComparison.Ordinal);
        Assert.Contains("user.create", rows[1], StringComparison.Ordinal);
        Assert.Contains($"user:{created}", rows[1], StringComparison.Ordinal);
        Assert.Single(disables);
        Assert.Contains("user.disable", disables[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_ShowTheConfigurationInEffect()
    {
        var admin = await users.CreateAsync(admin: true);
        using var browser = new Browser(server.Url);

        browser.SignIn(admin, WebUsers.Password);
        browser.Open("/admin/settings");
        var table = browser.Text("table.settings");
        browser.Screenshot("admin-settings");

        Assert.Contains("Storage:Provider filesystem", table, StringComparison.Ordinal);
        Assert.Contains("Data " + Path.GetFullPath(server.DataDirectory), table, StringComparison.Ordinal);
    }

    // Waits until the page that held the element has been replaced by the next one.
    private static void Replaced(Browser browser, IWebElement old) =>
        new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(30)).Until(driver =>
        {
            try
            {
                _ = old.TagName;
                return false;
            }
            catch (WebDriverException)
            {
                // Stale, or (while Chromium swaps documents) "node does not belong to the document": gone either way.
                return true;
            }
        });

    // Submits the filter form and reads the rows of the page it leads to (once the URL says so).
    private static List<string> Filter(Browser browser, string query)
    {
        browser.Click("#filter");
        new WebDriverWait(browser.Driver, TimeSpan.FromSeconds(30)).Until(d => d.Url.Contains(query, StringComparison.Ordinal));
        return [.. browser.Driver.FindElements(By.CssSelector("table.audit tbody tr")).Select(r => r.Text)];
    }

    private static Task<HttpResponseMessage> SetAdminAsync(HttpClient session, string token, string user, bool admin) =>
        session.PostAsync("/admin?handler=Admin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["admin"] = admin ? "true" : "false", ["__RequestVerificationToken"] = token,
        }));

    private async Task<HttpStatusCode> TokenStatusAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/token-status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Server.Client.SendAsync(request);
        return response.StatusCode;
    }

    private Task<string> AdminCliUsersAsync() => Infrastructure.AdminCli.OkAsync(server.DataDirectory, null, "user", "list");
}
