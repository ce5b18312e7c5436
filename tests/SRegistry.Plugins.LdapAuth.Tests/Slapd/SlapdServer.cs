using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SRegistry.Plugins.LdapAuth.Tests.Slapd;

/// <summary>
/// A real OpenLDAP server (Debian's slapd) in a temporary directory of its own, listening on loopback
/// for ldap:// (StartTLS offered) and ldaps://, filled with <see cref="SlapdDirectory.Ldif"/>. It runs in
/// the foreground as the current user (also as root: no -u/-g, so it keeps access to its files).
/// </summary>
public sealed class SlapdServer : IAsyncDisposable
{
    private const string Slapd = "/usr/sbin/slapd";
    private readonly string directory;
    private Process? process;

    private SlapdServer(string directory, SlapdCertificates certificates, int port, int securePort)
    {
        this.directory = directory;
        Certificates = certificates;
        Port = port;
        SecurePort = securePort;
    }

    public SlapdCertificates Certificates { get; }

    public int Port { get; }

    public int SecurePort { get; }

    /// <summary>Plain LDAP (StartTLS available).</summary>
    public string Url => $"ldap://127.0.0.1:{Port}";

    /// <summary>LDAP over TLS, with a certificate for 127.0.0.1 from <see cref="SlapdCertificates.CaFile"/>.</summary>
    public string SecureUrl => $"ldaps://127.0.0.1:{SecurePort}";

    public static async Task<SlapdServer> StartAsync()
    {
        if (!File.Exists(Slapd))
            throw new InvalidOperationException($"{Slapd} is missing: install the Debian packages slapd and ldap-utils (.ci/run does).");
        var directory = Directory.CreateTempSubdirectory("sreg-slapd-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "db"));
        var server = new SlapdServer(directory, SlapdCertificates.Create(directory), FreePort(), FreePort());
        await File.WriteAllTextAsync(server.ConfigFile, server.Configuration());
        await server.StartProcessAsync();
        await server.LdifAsync("ldapadd", SlapdDirectory.Ldif);
        return server;
    }

    /// <summary>Changes the directory as its administrator, for example to disable a person.</summary>
    public Task ModifyAsync(string ldif) => LdifAsync("ldapmodify", ldif);

    /// <summary>Stops the server for good (the directory becomes unreachable).</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private string ConfigFile => Path.Combine(directory, "slapd.conf");

    // bind_anon_cred makes slapd accept a simple bind with a DN and no password as an anonymous
    // bind, as Active Directory does, so tests can show such a bind never counts as a sign-in.
    private string Configuration() => $"""
        include /etc/ldap/schema/core.schema
        include /etc/ldap/schema/cosine.schema
        include /etc/ldap/schema/inetorgperson.schema
        include /etc/ldap/schema/nis.schema
        modulepath /usr/lib/ldap
        moduleload back_mdb
        moduleload memberof
        pidfile {directory}/slapd.pid
        allow bind_anon_cred
        TLSCACertificateFile {Certificates.CaFile}
        TLSCertificateFile {Certificates.CertificateFile}
        TLSCertificateKeyFile {Certificates.KeyFile}
        database mdb
        suffix "{SlapdDirectory.Suffix}"
        rootdn "{SlapdDirectory.RootDn}"
        rootpw {SlapdDirectory.RootPassword}
        directory {directory}/db
        maxsize 10485760
        overlay memberof
        access to attrs=userPassword by self write by anonymous auth by * none
        access to * by * read

        """;

    private async Task StartProcessAsync()
    {
        // -d 0 keeps slapd in the foreground, so the test owns the process and kills exactly it.
        var start = new ProcessStartInfo(Slapd) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-f", ConfigFile, "-h", $"{Url}/ {SecureUrl}/", "-d", "0" })
            start.ArgumentList.Add(argument);
        process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A bound on waiting for the listener, not an assertion on speed.
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < giveUp)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"slapd exited with {process.ExitCode}; run `{Slapd} -f {ConfigFile} -d 1` to see why.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("slapd did not start listening.");
    }

    private async Task LdifAsync(string tool, string ldif)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-x", "-H", Url, "-D", SlapdDirectory.RootDn, "-w", SlapdDirectory.RootPassword })
            start.ArgumentList.Add(argument);
        using var run = Process.Start(start)!;
        await run.StandardInput.WriteAsync(ldif);
        run.StandardInput.Close();
        var output = run.StandardOutput.ReadToEndAsync();
        var error = await run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({run.ExitCode}): {error}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
