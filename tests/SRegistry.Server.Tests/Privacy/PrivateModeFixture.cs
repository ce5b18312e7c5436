using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;
using SRegistry.Server.Tests.SRegistryCli;
using SRegistry.Server.Tests.Web;

namespace SRegistry.Server.Tests.Privacy;

/// <summary>
/// One server in private mode (<c>--Registry:PrivateMode=true</c>) holding real content to hide: alice's
/// public collection with a tagged image (library door), a default-entity image (sregistry-cli door), a
/// share link, a team and a robot. Every name has a missing twin of the same length, for the sweep.
/// </summary>
public sealed class PrivateModeFixture : IAsyncLifetime
{
    private readonly TestDirectory _data = new();
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public string DataDirectory => _data.Path;

    public string Files => _data.Combine("files");

    public string Alice { get; } = LibraryServerFixture.UniqueName("alice");

    public string Admin { get; } = LibraryServerFixture.UniqueName("admin");

    public string AliceToken { get; private set; } = "";

    /// <summary>Text only alice's collection holds: no anonymous answer may contain it.</summary>
    public string Marker { get; } = "marker-" + Guid.NewGuid().ToString("N");

    public string Collection { get; } = LibraryServerFixture.UniqueName("c");

    public string Container { get; } = LibraryServerFixture.UniqueName("b");

    public string CliCollection { get; } = LibraryServerFixture.UniqueName("d");

    public string Team { get; } = LibraryServerFixture.UniqueName("t");

    public string Robot { get; } = LibraryServerFixture.UniqueName("r");

    public string ImageId { get; private set; } = "";

    public string ContainerId { get; private set; } = "";

    public string ShareLinkId { get; private set; } = "";

    public string ShareUrl { get; private set; } = "";

    /// <summary>The sha256 (hex) of the image's bytes.</summary>
    public string Digest { get; private set; } = "";

    public RestClient Rest => new(Server.Client, AliceToken);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Files);
        _server = await RunningServer.StartAsync(_data.Path, "--Registry:PrivateMode=true");
        await AdminCli.OkAsync(_data.Path, WebUsers.Password + "\n", "user", "create", Alice, "--password-stdin");
        await AdminCli.OkAsync(_data.Path, WebUsers.Password + "\n", "user", "create", Admin, "--admin", "--password-stdin");
        AliceToken = await AdminCli.OkAsync(_data.Path, null, "token", "create", Alice, "--name", "seed");

        var sif = await SifFiles.CreateAsync(Files);
        Digest = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(sif)));
        var library = new LibraryApi(Server.Client, AliceToken);
        var collectionId = await library.CreateCollectionAsync(await library.EntityIdAsync(Alice), Collection);
        ContainerId = await library.CreateContainerAsync(collectionId, Container);
        ImageId = await library.PushAsync(ContainerId, sif, "latest");
        (await Rest.PatchAsync($"/api/v1/collections/{Alice}/{Collection}", new { description = Marker })).Json();

        var link = (await Rest.PostAsync($"/api/v1/images/{ImageId}/share-links", new { lifetimeSeconds = 3600 })).Json(HttpStatusCode.Created);
        ShareUrl = link.GetProperty("url").GetString()!;
        ShareLinkId = link.GetProperty("link").GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await Rest.PostAsync("/api/v1/teams", new { name = Team })).Json(HttpStatusCode.Created);
        (await Rest.PostAsync($"/api/v1/collections/{Alice}/{Collection}/robots", new { name = Robot, scopes = new[] { "pull" } })).Json(HttpStatusCode.Created);

        var cli = await CliClientAsync(Alice, AliceToken);
        var pushed = await cli.PushAsync(await SifFiles.CreateAsync(Files), CliCollection, Container, "latest");
        Assert.True(pushed.Status == HttpStatusCode.OK, pushed.ToString());
    }

    /// <summary>An sregistry-cli client for the user, with the sregistry-cli token of their API token.</summary>
    public async Task<SRegistryCliClient> CliClientAsync(string user, string apiToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        using var response = await Server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/token answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return new SRegistryCliClient(Server.Client, Server.BaseAddress, user, json.RootElement.GetProperty("token").GetString());
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _data.Dispose();
    }
}
