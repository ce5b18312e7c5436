using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;
using SRegistry.Server.Tests.SRegistryCli;

namespace SRegistry.Server.Tests.ScaleOut;

/// <summary>
/// The sregistry-cli server key of instances on one external database: kept in the database, sealed, so
/// a token made by one instance works on the other without a shared key file; an explicit
/// <c>SRegistryCli:KeyFile</c> still wins.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class SharedSRegistryCliKeyTests(ScaleOutFixture fixture)
{
    [Fact]
    public async Task SRegistryCliToken_FromOneInstance_SignsAPushOnTheOther()
    {
        var token = await CliTokenAsync(fixture.Direct);
        var image = await SifFiles.CreateAsync(fixture.Files);
        var collection = LibraryServerFixture.UniqueName("cli");

        var pushed = await new SRegistryCliClient(fixture.Proxied.Client, fixture.Proxied.BaseAddress, "alice", token)
            .PushAsync(image, collection, "app", "v1");

        Assert.True(pushed.Status == HttpStatusCode.OK, pushed.ToString());
        Assert.Equal(token, await CliTokenAsync(fixture.Proxied));
        Assert.False(File.Exists(Path.Combine(fixture.DataDirectory("a"), "keys", "sregistry-cli.key")));
        Assert.False(File.Exists(Path.Combine(fixture.DataDirectory("b"), "keys", "sregistry-cli.key")));
    }

    [Fact]
    public async Task ServerKeyInTheDatabase_IsSealed_NotTheKeyTokensAreDerivedWith()
    {
        var issued = await CliTokenAsync(fixture.Direct);
        var (id, secretHash) = await AliceApiTokenAsync();
        var stored = await QueryAsync("SELECT value FROM server_keys WHERE name = 'sregistry-cli'", r => (byte[])r[0]);

        Assert.NotEqual(32, stored.Length);
        Assert.NotEqual(issued, Derive(stored, id, secretHash));
    }

    [Fact]
    public async Task ExplicitKeyFile_WithASharedDatabase_IsTheKeyTokensAreDerivedWith()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var keyFile = Path.Combine(fixture.Files, LibraryServerFixture.UniqueName("cli-key") + ".key");
        await File.WriteAllBytesAsync(keyFile, key);
        await using var instance = await fixture.StartInstanceAsync(LibraryServerFixture.UniqueName("c"), "--SRegistryCli:KeyFile", keyFile);

        var issued = await CliTokenAsync(instance);
        var (id, secretHash) = await AliceApiTokenAsync();

        Assert.Equal(Derive(key, id, secretHash), issued);
        Assert.NotEqual(await CliTokenAsync(fixture.Direct), issued);
    }

    [Fact]
    public async Task UpgradedInstance_WithTheKeyInItsDefaultFile_KeepsIssuingTheTokensUsersHave()
    {
        // Before the key moved into the database, an instance on an external database kept it in <data>/keys.
        var key = RandomNumberGenerator.GetBytes(32);
        var data = fixture.DataDirectory(LibraryServerFixture.UniqueName("upgraded"));
        Directory.CreateDirectory(Path.Combine(data, "keys"));
        await File.WriteAllBytesAsync(Path.Combine(data, "keys", "sregistry-cli.key"), key);
        var database = await CreateDatabaseAsync();
        var environment = new Dictionary<string, string>(fixture.Environment) { ["SREGISTRY_Database__ConnectionString"] = database };
        Assert.Equal(0, (await ServerBinary.RunAsync(["admin", "--data", data, "user", "create", "carol"], environment: environment)).ExitCode);
        var apiToken = (await ServerBinary.RunAsync(["admin", "--data", data, "token", "create", "carol", "--name", "cli"], environment: environment)).StandardOutput.Trim();
        await using var instance = await RunningServer.StartAsync(data, environment);

        var issued = await CliTokenAsync(instance, apiToken);
        var (id, secretHash) = await QueryAsync(database, "SELECT id, secret_hash FROM api_tokens WHERE name = 'cli'", r => (r.GetInt64(0), (byte[])r[1]));

        Assert.Equal(Derive(key, id, secretHash), issued);
        Assert.NotEqual(key, await QueryAsync(database, "SELECT value FROM server_keys WHERE name = 'sregistry-cli'", r => (byte[])r[0]));
    }

    // SRegistryCliKeys' derivation, written out: what a server with this key would issue.
    private static string Derive(byte[] key, long tokenId, byte[] secretHash) =>
        "sregcli_" + Base64Url.EncodeToString(HMACSHA256.HashData(key,
            Encoding.UTF8.GetBytes($"sregistry-cli/v1|{tokenId}|{Convert.ToHexStringLower(secretHash)}")));

    private Task<string> CliTokenAsync(RunningServer server) => CliTokenAsync(server, fixture.AliceToken);

    private static async Task<string> CliTokenAsync(RunningServer server, string apiToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    // Alice's API token, made by the fixture; its sregistry-cli token is derived from its id and hash.
    private Task<(long Id, byte[] SecretHash)> AliceApiTokenAsync() =>
        QueryAsync("SELECT id, secret_hash FROM api_tokens WHERE name = 'scale-out'", r => (r.GetInt64(0), (byte[])r[1]));

    // A new, empty database in the fixture's PostgreSQL; its connection string.
    private async Task<string> CreateDatabaseAsync()
    {
        var shared = fixture.Environment["SREGISTRY_Database__ConnectionString"];
        var name = "upgraded_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(shared))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(shared) { Database = name }.ConnectionString;
    }

    private Task<T> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read) =>
        QueryAsync(fixture.Environment["SREGISTRY_Database__ConnectionString"], sql, read);

    private static async Task<T> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row for {sql}");
        var value = read(reader);
        Assert.False(await reader.ReadAsync(), $"more than one row for {sql}");
        return value;
    }
}
