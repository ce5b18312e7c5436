namespace SRegistry.Plugins.LdapAuth.Tests;

public sealed class LdapAuthOptionsValidatorTests
{
    [Fact]
    public void Validate_ServiceAccountOverLdaps_Succeeds() =>
        Assert.True(Validate(Valid()).Succeeded);

    [Theory]
    [InlineData("ldap://ldap.example.org", "clear text")]
    [InlineData("http://ldap.example.org", "not an ldap:// or ldaps:// URL")]
    [InlineData("ldap.example.org", "not an ldap:// or ldaps:// URL")]
    public void Validate_InsecureOrWrongUrl_SaysWhatToFix(string url, string expected)
    {
        var options = Valid();
        options.Url = url;

        Assert.Contains(expected, Validate(options).FailureMessage);
    }

    [Fact]
    public void Validate_StartTlsOnLdaps_IsRefused()
    {
        var options = Valid();
        options.StartTls = true;

        Assert.Contains("StartTls is for ldap:// URLs", Validate(options).FailureMessage);
    }

    [Fact]
    public void Validate_ServiceAccountWithoutPassword_IsRefused()
    {
        var options = Valid();
        options.BindPassword = "";

        Assert.Contains("BindPassword is empty", Validate(options).FailureMessage);
    }

    [Fact]
    public void Validate_NeitherServiceAccountNorTemplate_NamesBoth()
    {
        var options = Valid();
        options.BindDn = "";

        var message = Validate(options).FailureMessage;

        Assert.Contains("BindDn", message);
        Assert.Contains("UserDnTemplate (direct bind, for example uid={0},ou=people", message);
    }

    [Theory]
    [InlineData("uid=alice,ou=people")]
    public void Validate_TemplateWithoutPlaceholder_IsRefused(string template)
    {
        var options = Valid();
        options.UserDnTemplate = template;

        Assert.Contains("UserDnTemplate must contain {0}", Validate(options).FailureMessage);
    }

    [Theory]
    [InlineData("uid={0}")]
    [InlineData("(uid=alice)")]
    public void Validate_FilterNotParenthesisedOrWithoutPlaceholder_IsRefused(string filter)
    {
        var options = Valid();
        options.UserFilter = filter;

        Assert.Contains("UserFilter", Validate(options).FailureMessage);
    }

    [Fact]
    public void Validate_MissingCaFile_NamesThePath()
    {
        var options = Valid();
        options.CaCertificateFile = "/nonexistent/ca.pem";

        Assert.Contains("/nonexistent/ca.pem", Validate(options).FailureMessage);
    }

    [Fact]
    public void Validate_ZeroTimeout_IsRefused()
    {
        var options = Valid();
        options.OperationTimeout = TimeSpan.Zero;

        Assert.Contains("OperationTimeout", Validate(options).FailureMessage);
    }

    private static LdapAuthOptions Valid() => new()
    {
        Url = "ldaps://ldap.example.org",
        BaseDn = "ou=people,dc=example,dc=org",
        BindDn = "cn=registry,dc=example,dc=org",
        BindPassword = "secret",
    };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(LdapAuthOptions options) =>
        new LdapAuthOptionsValidator().Validate(null, options);
}
