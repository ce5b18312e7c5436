using SRegistry.Plugins.GoogleBuild.Tests.Fakes;

namespace SRegistry.Plugins.GoogleBuild.Tests;

/// <summary>One fake Google per test class, with a service account it trusts.</summary>
public sealed class FakeGoogleFixture : IAsyncLifetime
{
    public FakeGoogleServer Google { get; private set; } = null!;

    public TestServiceAccount Account { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Google = await FakeGoogleServer.StartAsync();
        Account = Google.CreateTrustedAccount();
    }

    public async Task DisposeAsync()
    {
        Account.Dispose();
        await Google.DisposeAsync();
    }
}
