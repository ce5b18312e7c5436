using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Plugins;
using SRegistry.Abstractions.Storage;
using SRegistry.Plugins.GoogleBuild.Tests.Fakes;

namespace SRegistry.Plugins.GoogleBuild.Tests;

/// <summary>
/// Hosts the plugin the way the server does: its section as configuration, ConfigureServices, the
/// chosen providers registered from what the plugin added, MapEndpoints, Kestrel on 127.0.0.1.
/// The core's reporter is replaced by the test's.
/// </summary>
public sealed class PluginTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PluginTestHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public Uri BaseUrl { get; private set; } = null!;

    public IBlobStore BlobStore => Services.GetRequiredService<IBlobStore>();

    public IBuildBackend Backend => Services.GetRequiredService<IBuildBackend>();

    /// <summary>The plugin's section for the fake: project, bucket, key file, base URLs.</summary>
    public static Dictionary<string, string?> Settings(FakeGoogleServer google, TestServiceAccount? account, string prefix = "") => new()
    {
        ["ProjectId"] = FakeCloudBuild.Project,
        ["Bucket"] = FakeCloudStorage.Bucket,
        ["CredentialsFile"] = account?.KeyFile ?? "",
        ["MetadataServerUrl"] = google.BaseUrl.AbsoluteUri,
        ["StorageBaseUrl"] = google.BaseUrl.AbsoluteUri,
        ["CloudBuildBaseUrl"] = google.BaseUrl.AbsoluteUri,
        ["ObjectPrefix"] = prefix,
        ["UploadChunkSize"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static async Task<PluginTestHost> StartAsync(Dictionary<string, string?> settings, IBuildReporter? reporter = null, bool chooseBackend = true, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        services?.Invoke(builder.Services);
        var plugin = new GoogleBuildPlugin();
        var section = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        plugin.ConfigureServices(builder.Services, new PluginContext("google-build", section, AppContext.BaseDirectory, builder.Environment));
        builder.Services.AddSingleton(reporter ?? new RecordingBuildReporter());

        // As RegistryComposition does: the providers the plugin registered, picked by key.
        var store = Provider<BlobStoreProvider>(builder.Services);
        builder.Services.AddSingleton(sp => store.Single(p => p.Key == "google-cloud-storage").Create(sp));
        var backend = Provider<BuildBackendProvider>(builder.Services);
        if (chooseBackend) builder.Services.AddSingleton(sp => backend.Single(p => p.Key == "google-cloud-build").Create(sp));

        var app = builder.Build();
        plugin.MapEndpoints(app);
        var host = new PluginTestHost(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        host.BaseUrl = new Uri(app.Urls.First() + "/");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static List<T> Provider<T>(IServiceCollection services) =>
        [.. services.Where(d => d.ServiceType == typeof(T)).Select(d => (T)d.ImplementationInstance!)];
}
