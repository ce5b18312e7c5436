using SRegistry.Core.Persistence;
using SRegistry.Server.Hosting;

namespace SRegistry.Server.Admin;

/// <summary>
/// The registry's services without HTTP, for one admin command: same configuration, plugins and
/// database as the server (the embedded cluster is reused if the server is running, else started
/// and stopped again).
/// </summary>
public sealed class AdminSession : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DatabaseConnection _database;
    private readonly AsyncServiceScope _scope;

    private AdminSession(IHost host, DatabaseConnection database)
    {
        _host = host;
        _database = database;
        _scope = host.Services.CreateAsyncScope();
    }

    /// <param name="dataDirectory">The data directory (<c>--data</c>), or null for the default.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <param name="migrate">False leaves the schema alone (a restore needs the database as it found it).</param>
    public static async Task<AdminSession> OpenAsync(string? dataDirectory, CancellationToken cancellationToken, bool migrate = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddRegistrySources(DataArgs(dataDirectory));

        // A command prints its result; only warnings and errors are worth a log line next to it.
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
        var logger = loggerFactory.CreateLogger("SRegistry.Admin");

        var settings = RegistrySettings.From(builder.Configuration);
        builder.Services.AddRegistry(builder.Configuration, builder.Environment, settings, logger);
        var database = await DatabaseConnection.OpenAsync(settings, logger, cancellationToken);
        try
        {
            builder.Services.AddRegistryDatabase(database.ConnectionString);
            var host = builder.Build();
            if (migrate) await host.Services.GetRequiredService<RegistryDatabase>().MigrateAsync(cancellationToken);
            return new AdminSession(host, database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>The configuration as the server would see it with the same <c>--data</c>.</summary>
    public static IConfiguration ReadConfiguration(string? dataDirectory) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddRegistrySources(DataArgs(dataDirectory))
            .Build();

    /// <summary>The connection string of the database in use (external, or the embedded cluster).</summary>
    public string ConnectionString => _database.ConnectionString;

    /// <summary>A scoped service, shared by everything one command does.</summary>
    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        _host.Dispose();
        await _database.DisposeAsync();
    }

    private static string[] DataArgs(string? dataDirectory) => dataDirectory is null ? [] : ["--data", dataDirectory];
}
