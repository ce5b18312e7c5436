namespace SRegistry.Server.Tests.Saml;

/// <summary>Genuinely signed responses that are not for this sign-in: expired, for another service or address, or answering a request the registry never made. None signs anyone in.</summary>
[Collection(SamlCollection.Name)]
public sealed class SamlConditionRefusalTests(SamlServerFixture saml)
{
    [Fact]
    public async Task SignIn_WithAnExpiredResponse_IsRefusedAsExpired()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "edna", "--lifetime-minutes", "-10");

        await saml.AssertRefusedAsync(browser, post, "edna", "it has expired");
    }

    [Fact]
    public async Task SignIn_WithAResponseForAnotherAudience_IsRefused()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "otto", "--audience", "https://other.example.test/sp");

        await saml.AssertRefusedAsync(browser, post, "otto", "wrong Audience");
    }

    [Fact]
    public async Task SignIn_WithAResponseForAnotherDestination_IsRefused()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "dora", "--destination", "https://other.example.test/acs");

        await saml.AssertRefusedAsync(browser, post, "dora", "wrong Destination");
        Assert.Contains("Destination 'https://other.example.test/acs', expected 'https://registry.example.test/plugins/saml/acs'", saml.Server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAResponseToARequestTheRegistryNeverIssued_IsRefused()
    {
        using var browser = saml.Browser();
        var post = await saml.AnsweredSignInAsync(browser, "ines", "--in-response-to", "_00000000000000000000000000000000");

        await saml.AssertRefusedAsync(browser, post, "ines", "did not start");
    }

    [Fact]
    public async Task SignIn_WithAnotherSignInsAssertionAndAnEditedUnsignedInResponseTo_IsRefused()
    {
        // Only the assertion is signed, so the response's InResponseTo can be edited; the signed one inside still names request A.
        using var victim = saml.Browser();
        var answerToA = await saml.AnsweredSignInAsync(victim, "gwen", "--sign", "assertion");
        using var attacker = saml.Browser();
        var requestB = await saml.AnsweredSignInAsync(attacker, "hugo", "--sign", "assertion");
        var document = answerToA.Document();
        document.DocumentElement!.SetAttribute("InResponseTo", requestB.RequestId);

        await saml.AssertRefusedAsync(attacker, answerToA.With(document) with { RelayState = requestB.RelayState }, "gwen", "no valid bearer subject confirmation");
    }
}
