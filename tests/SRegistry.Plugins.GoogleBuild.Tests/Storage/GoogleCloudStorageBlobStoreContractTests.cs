using SRegistry.Abstractions.Storage;
using SRegistry.Core.Tests.Storage;

namespace SRegistry.Plugins.GoogleBuild.Tests.Storage;

/// <summary>The shared blob-store contract, against the Cloud Storage store and the fake bucket (each test under its own prefix).</summary>
public sealed class GoogleCloudStorageBlobStoreContractTests(FakeGoogleFixture fixture) : BlobStoreContract, IClassFixture<FakeGoogleFixture>, IAsyncLifetime
{
    private readonly string _prefix = $"contract-{Guid.NewGuid():N}/";
    private PluginTestHost? _host;

    public async Task InitializeAsync() =>
        _host = await PluginTestHost.StartAsync(PluginTestHost.Settings(fixture.Google, fixture.Account, _prefix), chooseBackend: false);

    public async Task DisposeAsync() => await _host!.DisposeAsync();

    protected override IBlobStore CreateStore() => _host!.BlobStore;

    // Unfinished uploads are both temporary objects and resumable sessions still open.
    protected override Task<int> CountTemporaryObjectsAsync() => Task.FromResult(
        fixture.Google.Storage.ObjectNames.Count(n => n.StartsWith(_prefix + "uploads/", StringComparison.Ordinal)) + fixture.Google.Storage.OpenSessionsFor(_prefix));

    protected override Task<int> CountBlobObjectsAsync() =>
        Task.FromResult(fixture.Google.Storage.ObjectNames.Count(n => n.StartsWith(_prefix + "blobs/sha256/", StringComparison.Ordinal)));
}
