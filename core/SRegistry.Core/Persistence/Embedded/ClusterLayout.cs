namespace SRegistry.Core.Persistence.Embedded;

/// <summary>
/// The files around a cluster: its data directory, the server log beside it and the socket directory,
/// created up front and handed to the server account, which usually may not create them itself.
/// </summary>
internal sealed record ClusterLayout(string LogFile, string SocketDirectory)
{
    public static async Task<ClusterLayout> PrepareAsync(string dataDirectory, PostgresServerAccount account, CancellationToken ct)
    {
        var parent = Path.GetDirectoryName(dataDirectory)
            ?? throw new EmbeddedPostgresException($"The database directory cannot be the file system root ('{dataDirectory}').");
        CreateDirectory(dataDirectory);
        await account.EnsureCanReachAsync(parent, ct);

        // An initialized cluster already belongs to whoever created it; changing that would break it.
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await account.GiveAsync(dataDirectory, ct);
        }

        var logFile = Path.Combine(parent, "postgres.log");
        if (account.IsDelegated)
        {
            Create(logFile);
            await account.GiveAsync(logFile, ct);
        }

        var socketDirectory = Embedded.SocketDirectory.For(dataDirectory);
        if (socketDirectory != dataDirectory)
        {
            CreateDirectory(socketDirectory);

            // The socket directory is the cluster's only door (trust authentication): only the server account may enter.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(socketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            await account.GiveAsync(socketDirectory, ct);
        }

        return new ClusterLayout(logFile, socketDirectory);
    }

    private static void CreateDirectory(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmbeddedPostgresException(
                $"Cannot create the database directory '{path}' as {Environment.UserName}: {e.Message} Use a data "
                + "directory this account can write, or set Database:ConnectionString to an external PostgreSQL server.",
                e);
        }
    }

    private static void Create(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Append, FileAccess.Write);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmbeddedPostgresException($"Cannot create the PostgreSQL log file '{file}': {e.Message}", e);
        }
    }
}
