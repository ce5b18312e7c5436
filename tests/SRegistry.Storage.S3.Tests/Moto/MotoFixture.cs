namespace SRegistry.Storage.S3.Tests.Moto;

/// <summary>One moto_server for every test of the collection.</summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private MotoServer? _server;

    public MotoServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _server = await MotoServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
