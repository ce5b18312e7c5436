using SRegistry.Core.Persistence;

namespace SRegistry.Server.Hosting;

/// <summary>
/// The metadata database in use: an external PostgreSQL named by <c>Database:ConnectionString</c>,
/// or the embedded cluster in the data directory, started here and stopped on dispose.
/// </summary>
public sealed class DatabaseConnection : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    private DatabaseConnection(string connectionString, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        _embedded = embedded;
    }

    public string ConnectionString { get; }

    public static async Task<DatabaseConnection> OpenAsync(RegistrySettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        if (settings.DatabaseConnectionString is { } external)
        {
            return new DatabaseConnection(external, null);
        }

        Directory.CreateDirectory(settings.DataDirectory);
        var embedded = await EmbeddedPostgres.StartAsync(settings.DatabaseDirectory, logger, cancellationToken);
        return new DatabaseConnection(embedded.ConnectionString, embedded);
    }

    public ValueTask DisposeAsync() => _embedded?.DisposeAsync() ?? ValueTask.CompletedTask;
}
