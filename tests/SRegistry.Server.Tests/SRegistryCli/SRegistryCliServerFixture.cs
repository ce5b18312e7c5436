using System.Net.Http.Headers;
using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.SRegistryCli;

/// <summary>
/// One server for the sregistry-cli tests, with users alice and bob, each holding an API token and the
/// sregistry-cli token derived from it. Download URLs live <see cref="DownloadUrlLifetime"/>, short enough
/// for a test to watch one expire.
/// </summary>
public sealed class SRegistryCliServerFixture : IAsyncLifetime
{
    public static readonly TimeSpan DownloadUrlLifetime = TimeSpan.FromSeconds(20);

    private readonly TestDirectory _data = new();
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public Uri Url => Server.BaseAddress;

    public string DataDirectory => _data.Path;

    public string AliceToken { get; private set; } = "";

    public string AliceCliToken { get; private set; } = "";

    public string BobCliToken { get; private set; } = "";

    public string Files => _data.Combine("files");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Files);
        _server = await RunningServer.StartAsync(_data.Path, "--SRegistryCli:DownloadUrlLifetime", DownloadUrlLifetime.ToString("c"));
        AliceToken = await LibraryServerFixture.CreateUserAsync(_data.Path, "alice");
        AliceCliToken = await CliTokenAsync(AliceToken);
        BobCliToken = await CliTokenAsync(await LibraryServerFixture.CreateUserAsync(_data.Path, "bob"));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _data.Dispose();
    }

    public SRegistryCliClient Alice() => new(Server.Client, Url, "alice", AliceCliToken);

    public SRegistryCliClient Bob() => new(Server.Client, Url, "bob", BobCliToken);

    public SRegistryCliClient Anonymous() => new(Server.Client, Url, null, null);

    /// <summary>The sregistry-cli token of an API token, from <c>GET /api/token</c>.</summary>
    public async Task<string> CliTokenAsync(string apiToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        using var response = await Server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/token → {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("token").GetString()!;
    }
}
