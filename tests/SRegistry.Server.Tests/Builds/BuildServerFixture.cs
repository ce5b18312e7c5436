namespace SRegistry.Server.Tests.Builds;

/// <summary>One <see cref="BuildServer"/> per test class; tests work in their own collections and leave no build running.</summary>
public sealed class BuildServerFixture : IAsyncLifetime
{
    private BuildServer? _server;

    public BuildServer Builds => _server ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync() => _server = await BuildServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
