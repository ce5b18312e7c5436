using System.Text;
using System.Xml;

namespace SRegistry.Server.Tests.Saml;

/// <summary>Responses whose signature does not vouch for what they say: unsigned, altered after signing, wrapped around forged assertions, signed by a key of their own, too weak, or with a DTD. None signs anyone in.</summary>
[Collection(SamlCollection.Name)]
public sealed class SamlSignatureRefusalTests(SamlServerFixture saml)
{
    [Fact]
    public async Task SignIn_WithAnUnsignedResponse_IsRefusedSayingItIsNotSigned()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "ulla", "--sign", "none");

        await saml.AssertRefusedAsync(browser, post, "ulla", "it is not signed");
    }

    [Fact]
    public async Task SignIn_WithAnAttributeChangedAfterSigning_IsRefusedAsNotVerifying()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "tess", "--groups", "staff");
        var document = post.Document();
        ResponseForgery.SetAttribute(ResponseForgery.TheAssertion(document), "groups", "registry-admins");

        await saml.AssertRefusedAsync(browser, post.With(document), "tess", "does not verify with the identity provider's certificate");
    }

    [Fact]
    public async Task SignIn_WithASignatureValueThatIsNotBase64_IsRefusedAsMalformed()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "mona");
        var document = post.Document();
        var value = (XmlElement)document.GetElementsByTagName("SignatureValue", "http://www.w3.org/2000/09/xmldsig#")[0]!;
        value.InnerText = "!!not base64!!";

        await saml.AssertRefusedAsync(browser, post.With(document), "mona", "its signature is malformed");
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

        await saml.AssertRefusedAsync(browser, post.With(document), "wanda", "exactly one assertion");
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

        await saml.AssertRefusedAsync(browser, post.With(document), "wendy", "two elements with the same id");
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

        await saml.AssertRefusedAsync(browser, post.With(document), "wilma", "exactly one assertion");
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

        await saml.AssertRefusedAsync(browser, post.With(document), "vera", "does not cover the element it is attached to");
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

        await saml.AssertRefusedAsync(browser, post.With(document), "kara", "does not verify with the identity provider's certificate");
    }

    [Fact]
    public async Task SignIn_WithASha1Signature_IsRefusedAsWeak()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "sybil", "--sha1");

        await saml.AssertRefusedAsync(browser, post, "sybil", "weak");
    }

    [Fact]
    public async Task SignIn_WithADocumentTypeDeclaration_IsRefusedWithoutExpandingEntities()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "xena");
        var xml = Encoding.UTF8.GetString(Convert.FromBase64String(post.SamlResponse));
        var withDtd = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + xml[xml.IndexOf("<ns0:Response", StringComparison.Ordinal)..];
        Assert.NotEqual(xml, withDtd);

        await saml.AssertRefusedAsync(browser, post with { SamlResponse = Convert.ToBase64String(Encoding.UTF8.GetBytes(withDtd)) }, "xena", "not well-formed XML");
    }
}
