using System.Text;

namespace SRegistry.Plugins.GitHubWebhooks.Tests;

public sealed class WebhookSignatureTests
{
    // The example in GitHub's "Validating webhook deliveries" documentation.
    private const string Secret = "It's a Secret to Everybody";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");
    private const string Documented = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    [Fact]
    public void DocumentedExample_IsValid() => Assert.True(WebhookSignature.IsValid(Documented, Body, Secret));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    public void WrongOrMalformedSignatures_AreRefused(string? header) => Assert.False(WebhookSignature.IsValid(header, Body, Secret));

    [Fact]
    public void AnotherSecret_IsRefused() => Assert.False(WebhookSignature.IsValid(Documented, Body, Secret + "!"));

    [Fact]
    public void AChangedBody_IsRefused() => Assert.False(WebhookSignature.IsValid(Documented, Encoding.UTF8.GetBytes("Hello, World?"), Secret));
}
