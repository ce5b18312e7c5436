using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Oci.Interop;

/// <summary>
/// One server shared by a test class, as OCI clients see it: alice (with a password and an API token, either
/// of which an OCI client may send as its password) and bob (with a token). Each user owns the entity of their
/// name; every test works in a collection of its own (see <see cref="Repository"/>).
/// </summary>
public sealed class OciServerFixture : IAsyncLifetime
{
    private readonly TestDirectory _data = new();
    private RunningServer? _server;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>The server's base address, for the library harness and API.</summary>
    public Uri Url => Server.BaseAddress;

    /// <summary><c>HOST:PORT</c>, as OCI references name a registry.</summary>
    public string Registry => $"{Url.Host}:{Url.Port}";

    public RegistryCredentials AliceWithToken { get; private set; } = new("alice", "");

    public RegistryCredentials AliceWithPassword { get; private set; } = new("alice", "");

    public RegistryCredentials Bob { get; private set; } = new("bob", "");

    /// <summary>Where tests put their SIF files and layouts; removed with the fixture.</summary>
    public string Files => _data.Combine("files");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Files);
        _server = await RunningServer.StartAsync(_data.Path);
        var alicePassword = "pw-" + Guid.NewGuid().ToString("N");
        await AdminCli.OkAsync(_data.Path, alicePassword + "\n", "user", "create", "alice", "--password-stdin");
        AliceWithPassword = new("alice", alicePassword);
        AliceWithToken = new("alice", await AdminCli.OkAsync(_data.Path, null, "token", "create", "alice", "--name", "oci-client"));
        Bob = new("bob", await LibraryServerFixture.CreateUserAsync(_data.Path, "bob"));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>A fresh <c>alice/&lt;collection&gt;/&lt;container&gt;</c> repository name in alice's entity.</summary>
    public static string Repository(string prefix) => $"alice/{LibraryServerFixture.UniqueName(prefix)}/{LibraryServerFixture.UniqueName("c")}";

    /// <summary><c>docker://HOST:PORT/NAME[:TAG]</c> for skopeo.</summary>
    public string Docker(string nameAndTag) => $"docker://{Registry}/{nameAndTag}";

    /// <summary>A fresh directory under <see cref="Files"/> for a layout.</summary>
    public string NewDirectory(string prefix)
    {
        var path = Path.Combine(Files, LibraryServerFixture.UniqueName(prefix));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The library API as alice, to make collections private and read what the OCI door stored.</summary>
    public LibraryApi AliceLibrary() => new(Server.Client, AliceWithToken.Secret);
}
