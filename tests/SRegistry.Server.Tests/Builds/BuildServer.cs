using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Builds;

/// <summary>
/// A real server with the published github-webhooks plugin and a build backend plugin (by default the
/// local-test one, <c>Builds:Provider = local-test</c>), one build at a time, talking to a <see cref="FakeGitHub"/>;
/// users alice and bob with a token each. <see cref="RestartAsync"/> stops and starts it on the same data.
/// </summary>
public sealed class BuildServer : IAsyncDisposable
{
    public const string PublicUrl = "http://registry.example";
    public const string GitHubToken = "ghp_testtoken";

    private readonly TestDirectory _data;
    private RunningServer? _server;

    private readonly string[] _credentials;
    private readonly string _backendPlugin;
    private readonly string[] _backendSettings;

    private BuildServer(TestDirectory data, FakeGitHub github, string[] credentials, string? backendPlugin, string[]? backendSettings)
    {
        _data = data;
        GitHub = github;
        _credentials = credentials;
        _backendPlugin = backendPlugin ?? "local-test";
        _backendSettings = backendSettings ?? [
            "--Builds:Provider", "local-test",
            "--Plugins:local-test:WorkDirectory", WorkDirectory,
            "--Plugins:local-test:GateDirectory", GateDirectory];
    }

    public FakeGitHub GitHub { get; }

    public RunningServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public string AliceToken { get; private set; } = "";

    public string BobToken { get; private set; } = "";

    /// <summary>The server's data directory, for admin commands.</summary>
    public string DataDirectory => _data.Path;

    /// <summary>Where the test backend keeps each build's image as &lt;build id&gt;.sif.</summary>
    public string WorkDirectory => _data.Combine("builds");

    /// <summary>Where a file named after a tag releases the held build of that tag.</summary>
    public string GateDirectory => _data.Combine("gates");

    /// <summary>
    /// Starts with a GitHub token, or as the GitHub App <paramref name="appId"/> with <paramref name="appKeyPem"/>;
    /// with the published plugin <paramref name="backendPlugin"/> and its command-line <paramref name="backendSettings"/>
    /// (which choose the providers) instead of the local-test backend when given.
    /// </summary>
    public static async Task<BuildServer> StartAsync(string? appId = null, string? appKeyPem = null, string? backendPlugin = null, string[]? backendSettings = null)
    {
        var data = new TestDirectory();
        string[] credentials = ["--Plugins:github-webhooks:Token", GitHubToken];
        if (appKeyPem is not null)
        {
            await File.WriteAllTextAsync(data.Combine("app.pem"), appKeyPem);
            credentials = ["--Plugins:github-webhooks:AppId", appId!, "--Plugins:github-webhooks:PrivateKeyFile", data.Combine("app.pem")];
        }

        var server = new BuildServer(data, await FakeGitHub.StartAsync(), credentials, backendPlugin, backendSettings);
        Directory.CreateDirectory(server.WorkDirectory);
        Directory.CreateDirectory(server.GateDirectory);
        PublishedPlugins.InstallInto(server._data.Combine("plugins"), "github-webhooks");
        PublishedPlugins.InstallInto(server._data.Combine("plugins"), server._backendPlugin);
        await server.RestartAsync();
        server.AliceToken = await LibraryServerFixture.CreateUserAsync(server._data.Path, "alice");
        server.BobToken = await LibraryServerFixture.CreateUserAsync(server._data.Path, "bob");
        return server;
    }

    /// <summary>Stops the server (SIGTERM) if it runs, and starts it again with the same data and settings.</summary>
    public async Task RestartAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _server = await RunningServer.StartAsync(_data.Path, [
            "--Plugins:Enabled:0", "github-webhooks",
            "--Plugins:Enabled:1", _backendPlugin,
            "--Builds:MaxConcurrent", "1",
            "--Plugins:github-webhooks:ApiBaseUrl", GitHub.BaseAddress.ToString(),
            "--Plugins:github-webhooks:PublicUrl", PublicUrl,
            .. _backendSettings,
            .. _credentials]);
    }

    /// <summary>Releases the held build of <paramref name="tag"/>.</summary>
    public void Release(string tag) => File.WriteAllText(Path.Combine(GateDirectory, tag), "");

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await GitHub.DisposeAsync();
        _data.Dispose();
    }
}
