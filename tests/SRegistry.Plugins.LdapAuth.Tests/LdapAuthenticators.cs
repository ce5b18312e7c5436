using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SRegistry.Plugins.LdapAuth.Tests.Slapd;

namespace SRegistry.Plugins.LdapAuth.Tests;

/// <summary>An authenticator on validated options, disposed with its connector.</summary>
public sealed class LdapAuthenticators : IDisposable
{
    private readonly LdapConnector connector;

    public LdapAuthenticators(LdapAuthOptions options)
    {
        var validation = new LdapAuthOptionsValidator().Validate(null, options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        var wrapped = Options.Create(options);
        connector = new LdapConnector(wrapped);
        Authenticator = new LdapPasswordAuthenticator(connector, wrapped, NullLogger<LdapPasswordAuthenticator>.Instance);
    }

    public LdapPasswordAuthenticator Authenticator { get; }

    /// <summary>Search-then-bind with the service account over plain LDAP.</summary>
    public static LdapAuthOptions SearchThenBind(SlapdServer server) => SearchThenBind(server.Url);

    /// <summary>Search-then-bind with the service account at <paramref name="url"/>.</summary>
    public static LdapAuthOptions SearchThenBind(string url) => new()
    {
        Url = url,
        AllowPlaintext = true,
        BaseDn = SlapdDirectory.People,
        BindDn = SlapdDirectory.ServiceDn,
        BindPassword = SlapdDirectory.ServicePassword,
        UserFilter = SlapdDirectory.UserFilter,
    };

    /// <summary>Direct bind by DN template, without a service account.</summary>
    public static LdapAuthOptions DirectBind(SlapdServer server) => new()
    {
        Url = server.Url,
        AllowPlaintext = true,
        BaseDn = SlapdDirectory.People,
        UserDnTemplate = "uid={0}," + SlapdDirectory.People,
        UserFilter = SlapdDirectory.UserFilter,
    };

    public void Dispose() => connector.Dispose();
}
