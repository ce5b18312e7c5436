using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Ldap;

public sealed class LdapStartupTests
{
    [Fact]
    public async Task Start_WithPlaintextLdapNotAllowed_RefusesSayingWhatToFix()
    {
        using var data = new TestDirectory();
        PublishedPlugins.InstallInto(data.Combine("plugins"), "ldap-auth");

        var result = await ServerBinary.RunAsync(
        [
            "--urls", "http://127.0.0.1:0", "--data", data.Path, "--Plugins:Enabled:0", "ldap-auth",
            "--Plugins:ldap-auth:Url", "ldap://ldap.example.org", "--Plugins:ldap-auth:BaseDn", "dc=example,dc=org",
            "--Plugins:ldap-auth:BindDn", "cn=registry,dc=example,dc=org", "--Plugins:ldap-auth:BindPassword", "secret",
        ]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("clear text", result.StandardError);
        Assert.Contains("StartTls", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }

    [Fact]
    public async Task Start_WithGroupMappedToAnInvalidTeamName_RefusesNamingTheKey()
    {
        using var data = new TestDirectory();

        var result = await ServerBinary.RunAsync(
            ["--urls", "http://127.0.0.1:0", "--data", data.Path, "--Accounts:ExternalGroups:Teams:developers", "Dev Team"]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Accounts:ExternalGroups:Teams:developers", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
    }
}
