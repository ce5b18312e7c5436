using System.Net;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests;

public sealed class ExternalDatabaseTests
{
    [Fact]
    public async Task SecondServer_OnTheFirstsDatabaseByConnectionString_SharesItsAccountsAndStartsNoClusterOfItsOwn()
    {
        using var first = new TestDirectory();
        using var second = new TestDirectory();
        await using var embedded = await RunningServer.StartAsync(first.Path);

        // The first server's embedded cluster listens on a Unix socket in its data directory.
        var connectionString = $"Host={first.Combine("postgres")};Username=sregistry;Database=sregistry";
        var external = new Dictionary<string, string> { ["SREGISTRY_Database__ConnectionString"] = connectionString };
        await using var stateless = await RunningServer.StartAsync(second.Path, "--Database:ConnectionString", connectionString);
        var created = await ServerBinary.RunAsync(["admin", "--data", second.Path, "user", "create", "grace"], environment: external);

        using var ready = await stateless.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("grace\tuser\tactive", await AdminCli.OkAsync(first.Path, null, "user", "list"));
        Assert.False(Directory.Exists(second.Combine("postgres")), "a server given a connection string must not start a cluster of its own");
    }
}
