using System.Net;
using System.Web;

namespace SRegistry.Server.Tests.Saml;

/// <summary>Signing in through SAML with responses from the independent pysaml2 identity provider, through the real HTTP endpoints of a server that loaded the published plugin.</summary>
[Collection(SamlCollection.Name)]
public sealed class SamlSignInTests(SamlServerFixture saml)
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
        Assert.Matches("^_[0-9a-f]{32}$", post.RequestId);
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
    public async Task SignIn_WithOnlyTheAssertionSigned_SignsInWithoutAdminForOtherGroups()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "amos", "--sign", "assertion", "--groups", "staff");

        using var acs = await saml.PostToAcsAsync(browser, post);
        using var callback = await browser.GetAsync(acs.Headers.Location);
        using var tokens = await browser.GetAsync("/auth/tokens");
        using var admin = await browser.GetAsync("/admin");

        Assert.Equal("/auth/tokens", callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, admin.StatusCode);
        Assert.True(await saml.AccountExistsAsync("amos"));
    }

    [Fact]
    public async Task SignIn_WithAResponsePostedASecondTime_IsRefusedAsAReplay()
    {
        using var first = saml.Browser();
        var post = await saml.AnsweredSignInAsync(first, "rita");
        using (var accepted = await saml.PostToAcsAsync(first, post))
            Assert.StartsWith("/auth/external/callback", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var second = saml.Browser();
        using var replay = await saml.PostToAcsAsync(second, post);
        var page = HttpUtility.HtmlDecode(await second.GetStringAsync(replay.Headers.Location!.OriginalString));
        using var tokens = await second.GetAsync("/auth/tokens");

        Assert.Contains("already used", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, tokens.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithAlteredRelayState_IsRefused()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "rolf");

        await saml.AssertRefusedAsync(browser, post with { RelayState = post.RelayState[..^4] + "AAAA" }, "rolf", "without this registry's state");
    }

    [Fact]
    public async Task SignInPage_WithARefusalItDidNotProtect_ShowsNoMessage()
    {
        using var browser = saml.Browser();

        var page = await browser.GetStringAsync("/auth/sign-in?refusal=" + Uri.EscapeDataString("Your account is locked; call +1 555 0100."));

        Assert.DoesNotContain("555 0100", page, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"alert\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acs_ByGet_AndMetadata_AnswerAsAServiceProviderShould()
    {
        using var byGet = await saml.Server.Client.GetAsync("/plugins/saml/acs");
        var metadata = await saml.Server.Client.GetStringAsync("/plugins/saml/metadata");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, byGet.StatusCode);
        Assert.Contains($"entityID=\"{SamlServerFixture.EntityId}\"", metadata, StringComparison.Ordinal);
        Assert.Contains($"Location=\"{SamlServerFixture.PublicBaseUrl}/plugins/saml/acs\"", metadata, StringComparison.Ordinal);
    }
}
