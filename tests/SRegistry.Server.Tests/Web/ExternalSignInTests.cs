using System.Net;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Web;

/// <summary>
/// Redirect logins that plugins register, through the test identity provider plugin (published and
/// enabled like a real one): the sign-in page offers it, and its identity becomes a linked account.
/// </summary>
public sealed class ExternalSignInTests : IAsyncLifetime
{
    private readonly TestDirectory _data = new();
    private RunningServer? _server;

    public async Task InitializeAsync()
    {
        PublishedPlugins.InstallInto(_data.Combine("plugins"), "test-idp");
        _server = await RunningServer.StartAsync(_data.Path, "--Plugins:Enabled:0", "test-idp", "--Accounts:ExternalGroups:Admins:0", "registry-admins");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task SignInPage_OffersThePluginsLogin_WhichSignsInALinkedAccountWithItsGroups()
    {
        using var browser = Session();
        var page = await browser.GetStringAsync("/auth/sign-in");
        var token = await WebForms.AntiforgeryTokenAsync(browser, "/auth/sign-in");

        using var challenge = await browser.PostAsync("/auth/external", Form(token, "test-idp", "dana", "registry-admins"));
        using var callback = await browser.GetAsync(challenge.Headers.Location);
        using var tokens = await browser.GetAsync("/auth/tokens");
        using var admin = await browser.GetAsync("/admin");

        Assert.Contains("Sign in with Test IdP", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/auth/tokens", callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("dana\t", (await AdminCli.OkAsync(_data.Path, null, "user", "list")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalLogin_RefusesUnknownSchemes_GetAndMissingAntiforgery_AndACallbackWithoutALogin()
    {
        using var browser = Session();
        var token = await WebForms.AntiforgeryTokenAsync(browser, "/auth/sign-in");

        using var unknown = await browser.PostAsync("/auth/external", Form(token, "Cookies", "erin", ""));
        using var forged = await browser.PostAsync("/auth/external", new FormUrlEncodedContent(new Dictionary<string, string> { ["scheme"] = "test-idp", ["idp-user"] = "erin" }));
        using var byGet = await browser.GetAsync("/auth/external?scheme=test-idp&idp-user=erin");
        using var bareCallback = await browser.GetAsync("/auth/external/callback");
        using var tokens = await browser.GetAsync("/auth/tokens");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, byGet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bareCallback.StatusCode);
        Assert.Contains("did not complete", await bareCallback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, tokens.StatusCode);
        Assert.DoesNotContain("erin\t", await AdminCli.OkAsync(_data.Path, null, "user", "list"), StringComparison.Ordinal);
    }

    private HttpClient Session() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = _server!.BaseAddress };

    private static FormUrlEncodedContent Form(string token, string scheme, string user, string groups) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["scheme"] = scheme,
        ["returnUrl"] = "/auth/tokens",
        ["idp-user"] = user,
        ["idp-groups"] = groups,
    });
}
