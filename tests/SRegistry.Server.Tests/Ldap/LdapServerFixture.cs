using SRegistry.Plugins.LdapAuth.Tests.Slapd;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Ldap;

/// <summary>
/// A slapd and a real server with the published ldap-auth plugin enabled by configuration, talking to
/// it over StartTLS with the test CA; directory groups map to the admin flag and a team, and accounts
/// are re-checked on every token use (an interval of zero, so no test waits).
/// </summary>
public sealed class LdapServerFixture : IAsyncLifetime
{
    private readonly TestDirectory data = new();
    private SlapdServer? slapd;
    private RunningServer? server;

    public SlapdServer Slapd => slapd ?? throw new InvalidOperationException("slapd has not started.");

    public RunningServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public string DataDirectory => data.Path;

    public string Files => data.Combine("files");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Files);
        slapd = await SlapdServer.StartAsync();
        PublishedPlugins.InstallInto(data.Combine("plugins"), "ldap-auth");
        server = await RunningServer.StartAsync(data.Path, [.. Arguments(Slapd.Url, Slapd.Certificates.CaFile)]);
    }

    /// <summary>The command line that enables ldap-auth against <paramref name="url"/> with StartTLS.</summary>
    public static IEnumerable<string> Arguments(string url, string caFile) =>
    [
        "--Plugins:Enabled:0", "ldap-auth",
        "--Plugins:ldap-auth:Url", url,
        "--Plugins:ldap-auth:StartTls", "true",
        "--Plugins:ldap-auth:CaCertificateFile", caFile,
        "--Plugins:ldap-auth:BaseDn", SlapdDirectory.People,
        "--Plugins:ldap-auth:BindDn", SlapdDirectory.ServiceDn,
        "--Plugins:ldap-auth:BindPassword", SlapdDirectory.ServicePassword,
        "--Plugins:ldap-auth:UserFilter", SlapdDirectory.UserFilter,
        "--Plugins:ldap-auth:ConnectTimeout", "00:00:05",
        "--Accounts:ExternalGroups:Admins:0", "registry-admins",
        "--Accounts:ExternalGroups:Teams:developers", "devs",
        "--Accounts:ExternalRecheckInterval", "00:00:00",
    ];

    public async Task DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
        if (slapd is not null)
            await slapd.DisposeAsync();
        data.Dispose();
    }
}
