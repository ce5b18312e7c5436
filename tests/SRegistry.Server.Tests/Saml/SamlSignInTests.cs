using System.Net;
using System.Text;
using System.Web;
using System.Xml;

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

    [Fact]
    public async Task SignIn_WithAnAttributeChangedAfterSigning_IsRefusedAsNotVerifying()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "tess", "--groups", "staff");
        var document = post.Document();
        ResponseForgery.SetAttribute(ResponseForgery.TheAssertion(document), "groups", "registry-admins");

        await AssertRefusedAsync(browser, post.With(document), "tess", "does not verify with the identity provider's certificate");
    }

    [Fact]
    public async Task SignIn_WithAForgedAssertionNextToTheSignedOne_IsRefused()
    {
        // XSW: the response signature still verifies over the whole response, and a careless reader takes the first assertion.
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "walt", "--sign", "response");
        var document = post.Document();
        var genuine = ResponseForgery.TheAssertion(document);
        genuine.ParentNode!.InsertBefore(ResponseForgery.ForgedCopy(genuine, "wanda", "_forged1"), genuine);

        await AssertRefusedAsync(browser, post.With(document), "wanda", "exactly one assertion");
    }

    [Fact]
    public async Task SignIn_WithTheSignedAssertionHiddenBehindAForgedOneWithItsId_IsRefused()
    {
        // XSW: the forged assertion takes the signed one's ID, so a lookup by ID finds one and the reader uses the other.
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "walt", "--sign", "assertion");
        var document = post.Document();
        var genuine = ResponseForgery.TheAssertion(document);
        var response = document.DocumentElement!;
        var forged = ResponseForgery.ForgedCopy(genuine, "wendy", genuine.GetAttribute("ID"));
        response.ReplaceChild(forged, genuine);
        ResponseForgery.HideInExtensions(response, genuine);

        await AssertRefusedAsync(browser, post.With(document), "wendy", "two elements with the same id");
    }

    [Fact]
    public async Task SignIn_WithTheSignedResponseWrappedInAForgedResponse_IsRefused()
    {
        // XSW: a new unsigned response carries the forged assertion and the whole signed original in its extensions.
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "walt", "--sign", "response");
        var original = post.Document();
        var document = post.Document();
        var outer = document.DocumentElement!;
        outer.SetAttribute("ID", "_outer");
        ResponseForgery.RemoveDirectSignature(outer);
        var genuine = ResponseForgery.TheAssertion(document);
        outer.ReplaceChild(ResponseForgery.ForgedCopy(genuine, "wilma", "_forged2"), genuine);
        ResponseForgery.HideInExtensions(outer, (XmlElement)document.ImportNode(original.DocumentElement!, deep: true));

        await AssertRefusedAsync(browser, post.With(document), "wilma", "exactly one assertion");
    }

    [Fact]
    public async Task SignIn_WithTheAssertionsSignatureMovedOntoTheResponse_IsRefused()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "vera", "--sign", "assertion");
        var document = post.Document();
        var assertion = ResponseForgery.TheAssertion(document);
        var signature = assertion.GetElementsByTagName("Signature", "http://www.w3.org/2000/09/xmldsig#")[0]!;
        assertion.RemoveChild(signature);
        document.DocumentElement!.InsertBefore(signature, assertion);

        await AssertRefusedAsync(browser, post.With(document), "vera", "does not cover the element it is attached to");
    }

    [Fact]
    public async Task SignIn_WithAForgedAssertionSignedByAKeyInItsOwnKeyInfo_IsRefused()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "kurt", "--sign", "assertion");
        var document = post.Document();
        var genuine = ResponseForgery.TheAssertion(document);
        var forged = ResponseForgery.ForgedCopy(genuine, "kara", genuine.GetAttribute("ID"));
        document.DocumentElement!.ReplaceChild(forged, genuine);
        ResponseForgery.SignWithOwnKey(forged);

        await AssertRefusedAsync(browser, post.With(document), "kara", "does not verify with the identity provider's certificate");
    }

    [Fact]
    public async Task SignIn_WithAnExpiredResponse_IsRefusedAsExpired()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "edna", "--lifetime-minutes", "-10");

        await AssertRefusedAsync(browser, post, "edna", "it has expired");
    }

    [Fact]
    public async Task SignIn_WithAResponseForAnotherAudience_IsRefused()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "otto", "--audience", "https://other.example.test/sp");

        await AssertRefusedAsync(browser, post, "otto", "wrong Audience");
    }

    [Fact]
    public async Task SignIn_WithAResponseForAnotherDestination_IsRefused()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "dora", "--destination", "https://other.example.test/acs");

        await AssertRefusedAsync(browser, post, "dora", "wrong Destination");
        Assert.Contains("Destination 'https://other.example.test/acs', expected 'https://registry.example.test/plugins/saml/acs'", saml.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAResponseToARequestTheRegistryNeverIssued_IsRefused()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "ines", "--in-response-to", "_00000000000000000000000000000000");

        await AssertRefusedAsync(browser, post, "ines", "did not start");
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
    public async Task SignIn_WithASha1Signature_IsRefusedAsWeak()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "sybil", "--sha1");

        await AssertRefusedAsync(browser, post, "sybil", "weak");
    }

    [Fact]
    public async Task SignIn_WithAlteredRelayState_IsRefused()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "rolf");

        await AssertRefusedAsync(browser, post with { RelayState = post.RelayState[..^4] + "AAAA" }, "rolf", "without this registry's state");
    }

    [Fact]
    public async Task SignIn_WithADocumentTypeDeclaration_IsRefusedWithoutExpandingEntities()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "xena");
        var xml = Encoding.UTF8.GetString(Convert.FromBase64String(post.SamlResponse));
        var withDtd = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + xml[xml.IndexOf("<ns0:Response", StringComparison.Ordinal)..];
        Assert.NotEqual(xml, withDtd);

        await AssertRefusedAsync(browser, post with { SamlResponse = Convert.ToBase64String(Encoding.UTF8.GetBytes(withDtd)) }, "xena", "not well-formed XML");
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
