namespace SRegistry.Plugins.Saml.Tests;

public sealed class SamlOptionsValidatorTests : IDisposable
{
    private readonly string _metadataFile = Path.Combine(Path.GetTempPath(), $"saml-idp-{Guid.NewGuid():N}.xml");

    public SamlOptionsValidatorTests()
    {
        using var certificate = TestCertificates.Create("idp");
        File.WriteAllText(_metadataFile, TestCertificates.Metadata("https://idp.example.test", Convert.ToBase64String(certificate.RawData)));
    }

    public void Dispose() => File.Delete(_metadataFile);

    [Fact]
    public void Validate_CompleteOptions_Succeed() => Assert.True(Validate(Valid()).Succeeded, Validate(Valid()).FailureMessage);

    [Theory]
    [InlineData(nameof(SamlOptions.EntityId), "", "Plugins:saml:EntityId")]
    [InlineData(nameof(SamlOptions.PublicBaseUrl), "registry.example.org", "Plugins:saml:PublicBaseUrl")]
    [InlineData(nameof(SamlOptions.IdentityProviderMetadataUrl), "https://idp.example.test/metadata", "exactly one of Plugins:saml:IdentityProviderMetadataFile")]
    [InlineData(nameof(SamlOptions.DisplayName), " ", "Plugins:saml:DisplayName")]
    public void Validate_BadOption_NamesTheKey(string property, string value, string expected)
    {
        var options = Valid();
        typeof(SamlOptions).GetProperty(property)!.SetValue(options, value);

        Assert.Contains(expected, Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MetadataFileThatIsNotMetadata_SaysWhyItIsNotUsable()
    {
        File.WriteAllText(_metadataFile, "<html>not metadata</html>");

        Assert.Contains("IdentityProviderMetadataFile", Validate(Valid()).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("0 IDPSSODescriptor", Validate(Valid()).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LargeClockSkew_IsRefused()
    {
        var options = Valid();
        options.ClockSkew = TimeSpan.FromHours(1);

        Assert.Contains("Plugins:saml:ClockSkew", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    private SamlOptions Valid() => new()
    {
        EntityId = "https://registry.example.org/saml",
        PublicBaseUrl = "https://registry.example.org",
        IdentityProviderMetadataFile = _metadataFile,
    };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(SamlOptions options) => new SamlOptionsValidator().Validate(null, options);
}
