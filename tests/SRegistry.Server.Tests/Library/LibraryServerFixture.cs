using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Library;

/// <summary>
/// One server shared by a test class, with two users, alice and bob, and a token each. Starting the
/// embedded database is the slow part of a test, so the class shares it; every test works in its own
/// collection (see <see cref="UniqueName"/>) so tests cannot see each other's images.
/// </summary>
public sealed class LibraryServerFixture : IAsyncLifetime
{
    private readonly TestDirectory _data = new();
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public Uri Url => Server.BaseAddress;

    /// <summary>The server's data directory, for admin commands.</summary>
    public string DataDirectory => _data.Path;

    public string AliceToken { get; private set; } = "";

    public string BobToken { get; private set; } = "";

    /// <summary>Where tests put their SIF files; removed with the fixture.</summary>
    public string Files => _data.Combine("files");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Files);
        _server = await RunningServer.StartAsync(_data.Path);
        AliceToken = await CreateUserAsync(_data.Path, "alice");
        BobToken = await CreateUserAsync(_data.Path, "bob");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>Creates a user (who gets an entity of the same name) and returns a new API token of theirs.</summary>
    public static async Task<string> CreateUserAsync(string dataDirectory, string name)
    {
        await AdminCli.OkAsync(dataDirectory, null, "user", "create", name);
        return await AdminCli.OkAsync(dataDirectory, null, "token", "create", name, "--name", "library-client");
    }

    /// <summary>A fresh library name part (lowercase letters and digits, as refs allow).</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];
}
