using SRegistry.Plugins.LdapAuth.Tests.Slapd;

namespace SRegistry.Plugins.LdapAuth.Tests;

/// <summary>LDAPS and StartTLS against slapd with a certificate from a CA made for the test run.</summary>
public sealed class LdapTlsTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>
{
    [Fact]
    public async Task Ldaps_TrustingTheTestCa_SignsIn()
    {
        using var ldap = new LdapAuthenticators(Secure(slapd.Server.SecureUrl, startTls: false, slapd.Server.Certificates.CaFile));

        var identity = await ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None);

        Assert.Equal("alice", identity?.UserName);
    }

    [Fact]
    public async Task StartTls_TrustingTheTestCa_SignsIn()
    {
        using var ldap = new LdapAuthenticators(Secure(slapd.Server.Url, startTls: true, slapd.Server.Certificates.CaFile));

        var identity = await ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None);

        Assert.Equal("alice", identity?.UserName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tls_WithACertificateNoTrustedCaSigned_FailsAsAnOutage(bool startTls)
    {
        // Another CA than the one that signed the server's certificate: the connection must not be made.
        var other = Directory.CreateTempSubdirectory("sreg-ca-").FullName;
        var stranger = SlapdCertificates.Create(other);
        using var ldap = new LdapAuthenticators(Secure(startTls ? slapd.Server.Url : slapd.Server.SecureUrl, startTls, stranger.CaFile));

        await Assert.ThrowsAnyAsync<Exception>(() => ldap.Authenticator.AuthenticateAsync("alice", SlapdDirectory.AlicePassword, CancellationToken.None));
        Directory.Delete(other, recursive: true);
    }

    private static LdapAuthOptions Secure(string url, bool startTls, string caFile)
    {
        var options = LdapAuthenticators.SearchThenBind(url);
        options.StartTls = startTls;
        options.AllowPlaintext = false;
        options.CaCertificateFile = caFile;
        return options;
    }
}
