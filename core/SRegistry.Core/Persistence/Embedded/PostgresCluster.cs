namespace SRegistry.Core.Persistence.Embedded;

/// <summary>One data directory and the server tools that act on it, run as the server account.</summary>
internal sealed class PostgresCluster(string binDirectory, string dataDirectory, string logFile, PostgresServerAccount account)
{
    public string DataDirectory => dataDirectory;

    public string LogFile => logFile;

    public bool IsInitialized => File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));

    /// <summary>
    /// initdb with trust authentication: the only way in is a Unix socket in a directory only the server
    /// account may enter (see <see cref="StartAsync"/>), so the operating system does the authenticating.
    /// </summary>
    public async Task InitializeAsync(bool throwaway, CancellationToken ct)
    {
        List<string> arguments = ["-D", dataDirectory, "-A", "trust", "-U", EmbeddedPostgres.UserName, "-E", "UTF8", "--locale=C"];
        if (throwaway)
        {
            // Skipping the final fsync saves most of initdb's time; only a throwaway cluster may lose it to a crash.
            arguments.Add("--no-sync");
        }

        var result = await RunAsync("initdb", arguments, ct);
        if (!result.Succeeded)
        {
            throw Failure("initdb", result);
        }
    }

    public async Task<bool> IsRunningAsync(CancellationToken ct) =>
        (await RunAsync("pg_ctl", ["status", "-D", dataDirectory], ct)).Succeeded;

    public Task<ToolResult> StartAsync(string socketDirectory, bool throwaway, CancellationToken ct)
    {
        // pg_ctl hands these options to a shell, hence the quoting. No TCP listener at all.
        var options = $"-k {ShellQuote(socketDirectory)} -c listen_addresses='' -c unix_socket_permissions=0700";
        if (throwaway)
        {
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        }

        return RunAsync("pg_ctl", ["start", "-D", dataDirectory, "-w", "-t", "120", "-l", logFile, "-o", options], ct);
    }

    public Task<ToolResult> StopAsync(CancellationToken ct) =>
        RunAsync("pg_ctl", ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "120"], ct);

    public EmbeddedPostgresException Failure(string step, ToolResult result)
    {
        var log = File.Exists(logFile) ? string.Join(Environment.NewLine, ReadTail(logFile, 20)) : "(no log written)";
        return new EmbeddedPostgresException(
            $"{step} failed (exit code {result.ExitCode}) for the embedded PostgreSQL cluster in '{dataDirectory}'."
            + $"{Environment.NewLine}Output:{Environment.NewLine}{result.Output}"
            + $"{Environment.NewLine}Server log ({logFile}), last lines:{Environment.NewLine}{log}");
    }

    private Task<ToolResult> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct) =>
        account.RunAsync(Path.Combine(binDirectory, tool), arguments, ct);

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static IEnumerable<string> ReadTail(string path, int lines)
    {
        try
        {
            return File.ReadLines(path).TakeLast(lines).ToList();
        }
        catch (IOException e)
        {
            return [e.Message];
        }
    }
}
