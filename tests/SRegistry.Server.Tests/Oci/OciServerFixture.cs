using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Oci;

/// <summary>
/// One server shared by a test class, with users alice and bob (passwords and API tokens). Tests work in
/// repositories of their own (see <see cref="UniqueName"/>), so they cannot see each other's content.
/// </summary>
public class OciServerFixture : IAsyncLifetime
{
    public const string AlicePassword = "alice correct horse";
    public const string BobPassword = "bob battery staple";

    private readonly TestDirectory _data = new();
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public string DataDirectory => _data.Path;

    public string AliceToken { get; private set; } = "";

    public string BobToken { get; private set; } = "";

    /// <summary>Where tests put their files; removed with the fixture.</summary>
    public string Files => _data.Combine("files");

    public OciClient Alice => new(Server.Client, AliceToken);

    public OciClient Bob => new(Server.Client, BobToken);

    public OciClient Anonymous => new(Server.Client, null);

    /// <summary>Arguments the server starts with (configuration a test class needs).</summary>
    protected virtual string[] ServerArguments => [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Files);
        _server = await RunningServer.StartAsync(_data.Path, ServerArguments);
        AliceToken = await CreateUserAsync("alice", AlicePassword);
        BobToken = await CreateUserAsync("bob", BobPassword);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>A fresh name part (lowercase letters and digits).</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private async Task<string> CreateUserAsync(string name, string password)
    {
        await AdminCli.OkAsync(_data.Path, password, "user", "create", name, "--password-stdin");
        return await AdminCli.OkAsync(_data.Path, null, "token", "create", name, "--name", "oci-client");
    }
}
