namespace SRegistry.Plugins.LdapAuth.Tests.Slapd;

/// <summary>One slapd for a test class; tests that change the directory use their own <see cref="SlapdServer"/>.</summary>
public sealed class SlapdFixture : IAsyncLifetime
{
    private SlapdServer? server;

    public SlapdServer Server => server ?? throw new InvalidOperationException("slapd has not started.");

    public async Task InitializeAsync() => server = await SlapdServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
    }
}
