using SRegistry.Plugins.GoogleBuild.Tests.Fakes;

namespace SRegistry.Server.Tests.Builds;

/// <summary>
/// A <see cref="BuildServer"/> whose builds run on the published google-build plugin's Cloud Build
/// backend and whose blobs live in its Cloud Storage store, both pointed at one <see cref="FakeGoogleServer"/>
/// that trusts the server's service account. Polling is effectively off, so only the callback finishes builds.
/// </summary>
public sealed class GoogleCloudBuildFixture : IAsyncLifetime
{
    public const string CallbackSecret = "callback-secret-0123456789abcdef-0123456789";
    public const string BuildTag = "sregistry-e2e";

    private BuildServer? _server;
    private TestServiceAccount? _account;

    public FakeGoogleServer Google { get; private set; } = null!;

    public BuildServer Builds => _server ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync()
    {
        Google = await FakeGoogleServer.StartAsync();
        _account = Google.CreateTrustedAccount();
        var google = Google.BaseUrl.AbsoluteUri;
        _server = await BuildServer.StartAsync(backendPlugin: "google-build", backendSettings: [
            "--Builds:Provider", "google-cloud-build",
            "--Storage:Provider", "google-cloud-storage",
            "--Plugins:google-build:ProjectId", FakeCloudBuild.Project,
            "--Plugins:google-build:Bucket", FakeCloudStorage.Bucket,
            "--Plugins:google-build:CredentialsFile", _account.KeyFile,
            "--Plugins:google-build:StorageBaseUrl", google,
            "--Plugins:google-build:CloudBuildBaseUrl", google,
            "--Plugins:google-build:MetadataServerUrl", google,
            "--Plugins:google-build:BuildTag", BuildTag,
            "--Plugins:google-build:CallbackSecret", CallbackSecret,
            "--Plugins:google-build:PollInterval", "01:00:00"]);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        _account?.Dispose();
        if (Google is not null) await Google.DisposeAsync();
    }
}
