using System.Security.Cryptography;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests;

public sealed class AdminCommandLineTests
{
    [Fact]
    public async Task Restart_KeepsUsersTokensEntitiesAndBlobs()
    {
        using var data = new TestDirectory();
        var blobFile = data.Combine("image.bin");
        await File.WriteAllBytesAsync(blobFile, RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17));
        var expectedDigest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(blobFile)));

        string token;
        await using (var server = await RunningServer.StartAsync(data.Path))
        {
            // While the server runs, admin commands share its embedded database.
            await AdminCli.OkAsync(data.Path, "s3cret-password\n", "user", "create", "alice", "--admin", "--password-stdin", "--email", "alice@example.org");
            token = await AdminCli.OkAsync(data.Path, null, "token", "create", "alice", "--name", "laptop");
            Assert.Equal(expectedDigest, await AdminCli.OkAsync(data.Path, null, "blob", "put", blobFile));
            Assert.Equal(0, await server.StopAsync());
        }

        await using (await RunningServer.StartAsync(data.Path))
        {
            Assert.Contains("alice\tadmin\tactive\talice@example.org", await AdminCli.OkAsync(data.Path, null, "user", "list"));
            Assert.Equal("alice\tlaptop", await AdminCli.OkAsync(data.Path, token + "\n", "token", "verify"));
            Assert.Contains("alice\tuser:alice", await AdminCli.OkAsync(data.Path, null, "entity", "list"));
            Assert.StartsWith(expectedDigest + "\t" + new FileInfo(blobFile).Length, await AdminCli.OkAsync(data.Path, null, "blob", "stat", expectedDigest));
        }
    }

    [Fact]
    public async Task BlobStat_WithTheObjectStoreUnreachable_IsOneClearLine_NotAStackTrace()
    {
        using var data = new TestDirectory();
        var unreachable = new Dictionary<string, string>
        {
            ["SREGISTRY_Storage__Provider"] = "s3",
            ["SREGISTRY_Storage__S3__ServiceUrl"] = "http://127.0.0.1:1",
            ["SREGISTRY_Storage__S3__Bucket"] = "images",
            ["SREGISTRY_Storage__S3__AccessKeyId"] = "test",
            ["SREGISTRY_Storage__S3__SecretAccessKey"] = "test",
        };

        var result = await ServerBinary.RunAsync(["admin", "--data", data.Path, "blob", "stat", "sha256:" + new string('a', 64)], environment: unreachable);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not be reached", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Storage:S3:ServiceUrl", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCreate_PrintsOnlyTheSecret_AndStoresNoPlaintext()
    {
        using var data = new TestDirectory();
        await AdminCli.OkAsync(data.Path, null, "user", "create", "bob");

        var token = await AdminCli.OkAsync(data.Path, null, "token", "create", "bob", "--name", "ci", "--scope", "pull", "--scope", "push", "--expires-in-days", "30");
        var listed = await AdminCli.OkAsync(data.Path, null, "token", "list", "bob");

        Assert.DoesNotContain('\n', token);
        Assert.True(token.Length >= 32, token);
        Assert.Contains("ci\t", listed);
        Assert.Contains("pull,push", listed);
        Assert.DoesNotContain(token, listed);
        Assert.False(FileTree.Contains(data.Combine("postgres"), token), "the token's plaintext must not be stored in the database files");
    }

    [Fact]
    public async Task TokenRevoke_MakesTheTokenStopWorking()
    {
        using var data = new TestDirectory();
        await AdminCli.OkAsync(data.Path, null, "user", "create", "carol");
        var token = await AdminCli.OkAsync(data.Path, null, "token", "create", "carol", "--name", "laptop");
        Assert.Equal("carol\tlaptop", await AdminCli.OkAsync(data.Path, token + "\n", "token", "verify"));

        await AdminCli.OkAsync(data.Path, null, "token", "revoke", "carol", "laptop");
        var verify = await AdminCli.RunAsync(data.Path, token + "\n", "token", "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("not valid", verify.StandardError);
    }

    [Fact]
    public async Task UserDisable_MakesTheUsersTokensStopWorking()
    {
        using var data = new TestDirectory();
        await AdminCli.OkAsync(data.Path, null, "user", "create", "dave");
        var token = await AdminCli.OkAsync(data.Path, null, "token", "create", "dave", "--name", "laptop");

        await AdminCli.OkAsync(data.Path, null, "user", "disable", "dave");

        Assert.Equal(1, (await AdminCli.RunAsync(data.Path, token + "\n", "token", "verify")).ExitCode);
        Assert.Contains("dave\tuser\tdisabled", await AdminCli.OkAsync(data.Path, null, "user", "list"));
    }

    [Fact]
    public async Task ResetPassword_WithoutStdin_PrintsAGeneratedPassword()
    {
        using var data = new TestDirectory();
        await AdminCli.OkAsync(data.Path, null, "user", "create", "erin");

        var password = await AdminCli.OkAsync(data.Path, null, "user", "reset-password", "erin");

        Assert.Equal(20, password.Length);
    }

    [Theory]
    [InlineData("Alice", "lowercase")]
    [InlineData("-alice", "lowercase")]
    public async Task UserCreate_WithInvalidName_RefusesAndSaysWhatIsAllowed(string name, string hint)
    {
        using var data = new TestDirectory();

        var result = await AdminCli.RunAsync(data.Path, null, "user", "create", name);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(hint, result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2000000000")]
    public async Task TokenCreate_WithALifetimeOutOfRange_RefusesAndSaysTheRange(string days)
    {
        using var data = new TestDirectory();
        await AdminCli.OkAsync(data.Path, null, "user", "create", "grace");

        var result = await AdminCli.RunAsync(data.Path, null, "token", "create", "grace", "--name", "far", "--expires-in-days", days);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("between 1 and 3650 days", result.StandardError);
        Assert.Equal("", result.StandardOutput);
        Assert.DoesNotContain("far", await AdminCli.OkAsync(data.Path, null, "token", "list", "grace"));
    }

    [Fact]
    public async Task UserCreate_Twice_RefusesTheSecondAndKeepsTheFirst()
    {
        using var data = new TestDirectory();
        await AdminCli.OkAsync(data.Path, null, "user", "create", "frank", "--email", "first@example.org");

        var second = await AdminCli.RunAsync(data.Path, null, "user", "create", "frank", "--email", "second@example.org");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.StandardError);
        Assert.Contains("frank\tuser\tactive\tfirst@example.org", await AdminCli.OkAsync(data.Path, null, "user", "list"));
    }

    [Fact]
    public async Task ConfigShow_MasksSecretsAndShowsResolvedPaths()
    {
        using var data = new TestDirectory();

        var result = await ServerBinary.RunAsync(
            ["admin", "config", "show", "--data", data.Path],
            environment: new Dictionary<string, string> { ["SREGISTRY_Database__ConnectionString"] = "Host=db;Username=reg;Password=hunter22" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Storage:FileSystem:Path = {data.Combine("blobs")}", result.StandardOutput);
        Assert.Contains("Password=***", result.StandardOutput);
        Assert.DoesNotContain("hunter22", result.StandardOutput);
    }
}
