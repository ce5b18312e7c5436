using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SRegistry.Plugins.LdapAuth.Tests.Slapd;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Ldap;

public sealed class LdapOutageTests
{
    [Fact]
    public async Task UnreachableDirectory_Answers503AndLocalAccountsStillSignIn()
    {
        using var data = new TestDirectory();
        await using var slapd = await SlapdServer.StartAsync();
        PublishedPlugins.InstallInto(data.Combine("plugins"), "ldap-auth");
        var closed = $"ldap://127.0.0.1:{ClosedPort()}";
        await using var server = await RunningServer.StartAsync(data.Path, [.. LdapServerFixture.Arguments(closed, slapd.Certificates.CaFile)]);
        await AdminCli.OkAsync(data.Path, "local-password\n", "user", "create", "local", "--password-stdin");

        var (directoryStatus, directoryBody) = await ApiTokenAuthAsync(server, "alice", SlapdDirectory.AlicePassword);
        var (localStatus, localBody) = await ApiTokenAuthAsync(server, "local", "local-password");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, directoryStatus);
        Assert.Contains("directory (ldap) is unavailable", directoryBody.GetProperty("message").GetString());
        Assert.True(localStatus == HttpStatusCode.OK, localBody.ToString());
        Assert.DoesNotContain(SlapdDirectory.AlicePassword, server.Output);
    }

    private static async Task<(HttpStatusCode, JsonElement)> ApiTokenAuthAsync(RunningServer server, string userName, string password)
    {
        using var response = await server.Client.PostAsync("/api/api-token-auth/",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = userName, ["password"] = password }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    // A port nothing listens on: taken from the system, then released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
