using System.Net;
using System.Web;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Web;

namespace SRegistry.Server.Tests.Saml;

/// <summary>
/// A real server with the published saml plugin enabled by configuration, trusting the pysaml2
/// identity provider through its metadata file; the identity provider in turn reads the registry's
/// service provider metadata from /plugins/saml/metadata. The registry's public URL is a name no one
/// resolves: the tests carry the browser's posts to the server themselves, as a browser would.
/// </summary>
public sealed class SamlServerFixture : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://registry.example.test";
    public const string EntityId = PublicBaseUrl + "/saml";
    private readonly TestDirectory _data = new();
    private RunningServer? _server;

    public PySamlIdentityProvider IdentityProvider { get; private set; } = null!;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public string DataDirectory => _data.Path;

    public string ServiceProviderMetadataFile => _data.Combine("sp-metadata.xml");

    public async Task InitializeAsync()
    {
        IdentityProvider = new PySamlIdentityProvider(_data.Combine("idp"));
        await IdentityProvider.WriteMetadataAsync();
        PublishedPlugins.InstallInto(_data.Combine("plugins"), "saml");
        _server = await RunningServer.StartAsync(_data.Path,
            "--Plugins:Enabled:0", "saml",
            "--Plugins:saml:DisplayName", "Example IdP",
            "--Plugins:saml:EntityId", EntityId,
            "--Plugins:saml:PublicBaseUrl", PublicBaseUrl,
            "--Plugins:saml:IdentityProviderMetadataFile", IdentityProvider.MetadataFile,
            "--Accounts:ExternalGroups:Admins:0", "registry-admins");
        await File.WriteAllTextAsync(ServiceProviderMetadataFile, await Server.Client.GetStringAsync("/plugins/saml/metadata"));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>A browser: its own cookies, redirects followed by the test.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };

    /// <summary>Presses "Sign in with Example IdP" and returns where the registry redirects: the IdP's URL with the AuthnRequest.</summary>
    public async Task<string> StartSignInAsync(HttpClient browser, string returnUrl = "/auth/tokens")
    {
        var token = await WebForms.AntiforgeryTokenAsync(browser, "/auth/sign-in");
        using var challenge = await browser.PostAsync("/auth/external", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["scheme"] = "saml",
            ["returnUrl"] = returnUrl,
        }));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        return challenge.Headers.Location!.AbsoluteUri;
    }

    /// <summary>A fresh sign-in answered by the identity provider for <paramref name="user"/>.</summary>
    public async Task<SamlPost> AnsweredSignInAsync(HttpClient browser, string user, params string[] options) =>
        await IdentityProvider.RespondAsync(ServiceProviderMetadataFile, await StartSignInAsync(browser), user, options);

    /// <summary>Posts what the IdP's page would to the assertion consumer service (a cross-site form post).</summary>
    public async Task<HttpResponseMessage> PostToAcsAsync(HttpClient browser, SamlPost post)
    {
        Assert.StartsWith(PublicBaseUrl + "/", post.Action, StringComparison.Ordinal);
        return await browser.PostAsync(post.Action[PublicBaseUrl.Length..], post.Form());
    }

    /// <summary>Whether an account named <paramref name="user"/> exists.</summary>
    public async Task<bool> AccountExistsAsync(string user) =>
        (await AdminCli.OkAsync(DataDirectory, null, "user", "list")).Contains(user + "\t", StringComparison.Ordinal);

    /// <summary>Posts <paramref name="post"/> and asserts it was refused with <paramref name="reason"/> on the sign-in page, no session and no account for <paramref name="user"/>.</summary>
    public async Task AssertRefusedAsync(HttpClient browser, SamlPost post, string user, string reason)
    {
        using var acs = await PostToAcsAsync(browser, post);
        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        var location = acs.Headers.Location!.OriginalString;
        Assert.StartsWith("/auth/sign-in?refusal=", location, StringComparison.Ordinal);
        var page = HttpUtility.HtmlDecode(await browser.GetStringAsync(location));
        using var tokens = await browser.GetAsync("/auth/tokens");

        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, tokens.StatusCode);
        Assert.False(await AccountExistsAsync(user), $"an account '{user}' was created");
    }
}
