using System.Net;
using System.Web;

namespace SRegistry.Server.Tests.Saml;

/// <summary>Signing in through SAML with responses from the independent pysaml2 identity provider.</summary>
public sealed class SamlSignInTests(SamlServerFixture saml) : IClassFixture<SamlServerFixture>
{
    [Fact]
    public async Task SignIn_WithAGoodSignedResponse_SignsInTheMappedUserWithGroupsAsAdmin()
    {
        using var browser = saml.Browser();
        var page = await browser.GetStringAsync("/auth/sign-in");
        var requestUrl = await saml.StartSignInAsync(browser);
        var post = await saml.IdentityProvider.RespondAsync(saml.ServiceProviderMetadataFile, requestUrl, "dana", "--groups", "registry-admins,staff");

        using var acs = await saml.PostToAcsAsync(browser, post);
        using var callback = await browser.GetAsync(acs.Headers.Location);
        using var tokens = await browser.GetAsync("/auth/tokens");
        using var admin = await browser.GetAsync("/admin");

        Assert.Contains("Sign in with Example IdP", page, StringComparison.Ordinal);
        Assert.StartsWith("http://idp.invalid/sso?SAMLRequest=", requestUrl, StringComparison.Ordinal);
        Assert.Equal(post.RequestId, post.RequestId.Trim());
        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        Assert.StartsWith("/auth/external/callback", acs.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/auth/tokens", callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var users = await Infrastructure.AdminCli.OkAsync(saml.DataDirectory, null, "user", "list");
        Assert.Contains("dana\t", users, StringComparison.Ordinal);
        Assert.Contains("dana@idp.example", users, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAnUnsignedResponse_IsRefusedSayingItIsNotSigned()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "ulla", "--sign", "none");

        await AssertRefusedAsync(browser, post, "ulla", "it is not signed");
    }

    private async Task AssertRefusedAsync(HttpClient browser, SamlPost post, string user, string reason)
    {
        using var acs = await saml.PostToAcsAsync(browser, post);
        Assert.Equal(HttpStatusCode.Redirect, acs.StatusCode);
        var location = acs.Headers.Location!.OriginalString;
        Assert.StartsWith("/auth/sign-in?refusal=", location, StringComparison.Ordinal);
        var page = HttpUtility.HtmlDecode(await browser.GetStringAsync(location));
        using var tokens = await browser.GetAsync("/auth/tokens");

        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, tokens.StatusCode);
        Assert.False(await saml.AccountExistsAsync(user), $"an account '{user}' was created");
    }
}
