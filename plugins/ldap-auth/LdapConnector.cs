using System.DirectoryServices.Protocols;
using Microsoft.Extensions.Options;

namespace SRegistry.Plugins.LdapAuth;

/// <summary>
/// Opens connections to the configured directory: LDAP v3, LDAPS or StartTLS with the server's
/// certificate checked by libldap against the system's CAs or <see cref="LdapAuthOptions.CaCertificateFile"/>.
/// </summary>
public sealed class LdapConnector : IDisposable
{
    private readonly LdapAuthOptions options;
    private readonly Uri url;
    private readonly string? caDirectory;

    /// <summary>Prepares connections for the validated options.</summary>
    public LdapConnector(IOptions<LdapAuthOptions> options)
    {
        this.options = options.Value;
        url = new Uri(this.options.Url);
        if (!OperatingSystem.IsWindows())
            LibLdapDefaults.Apply(this.options.ConnectTimeout, this.options.OperationTimeout);
        if (this.options.CaCertificateFile.Length > 0)
        {
            // libldap takes trusted CAs per connection only as a directory (LDAP_OPT_X_TLS_CACERTDIR),
            // so the one file gets a private directory of its own.
            caDirectory = Directory.CreateTempSubdirectory("sregistry-ldap-ca-").FullName;
            File.Copy(this.options.CaCertificateFile, Path.Combine(caDirectory, "ca.pem"));
        }
    }

    /// <summary>A new connection, encrypted when configured so, not yet bound.</summary>
    public LdapConnection Open()
    {
        var secure = url.Scheme == "ldaps";
        var port = url.Port > 0 ? url.Port : secure ? 636 : 389;
        var connection = new LdapConnection(new LdapDirectoryIdentifier(url.Host, port), null, AuthType.Basic)
        {
            Timeout = options.OperationTimeout,
        };
        try
        {
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
            if (secure || options.StartTls)
            {
                connection.SessionOptions.SecureSocketLayer = secure;
                // Per-connection TLS settings are libldap's (the server runs on Linux); the new session
                // context makes libldap build TLS from them instead of from the process-wide defaults.
                if (!OperatingSystem.IsWindows())
                {
                    if (caDirectory is not null)
                        connection.SessionOptions.TrustedCertificatesDirectory = caDirectory;
                    connection.SessionOptions.StartNewTlsSessionContext();
                }

                if (options.StartTls)
                    StartTls(connection);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // System.DirectoryServices.Protocols connects lazily, at the first bind, and StartTLS needs the
    // connection: an anonymous bind (no credentials) opens it, and every later bind runs inside TLS.
    private static void StartTls(LdapConnection connection)
    {
        connection.AuthType = AuthType.Anonymous;
        connection.Bind();
        connection.SessionOptions.StartTransportLayerSecurity(null);
        connection.AuthType = AuthType.Basic;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (caDirectory is not null)
            Directory.Delete(caDirectory, recursive: true);
    }
}
