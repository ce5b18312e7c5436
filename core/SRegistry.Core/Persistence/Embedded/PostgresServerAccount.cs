namespace SRegistry.Core.Persistence.Embedded;

/// <summary>
/// The operating system account the cluster runs as. PostgreSQL refuses to run as root, so a root
/// process hands the cluster to the <c>postgres</c> account (created by the distribution package)
/// and runs the server tools through <c>runuser</c>; anyone else runs them as themselves.
/// </summary>
internal sealed class PostgresServerAccount
{
    public const string PostgresUser = "postgres";

    private readonly string? runuser;

    private PostgresServerAccount(string? runuser)
    {
        this.runuser = runuser;
    }

    /// <summary>Whether the tools run as the postgres account because this process is root.</summary>
    public bool IsDelegated => runuser is not null;

    public static async Task<PostgresServerAccount> ResolveAsync(CancellationToken ct)
    {
        if (!IsRoot())
        {
            return new PostgresServerAccount(null);
        }

        var runuser = new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists);
        var account = await ProcessRunner.RunAsync("id", ["-u", PostgresUser], ct);
        if (runuser is null || !account.Succeeded)
        {
            throw new EmbeddedPostgresException(
                "PostgreSQL refuses to run as root, and there is no 'postgres' account (or no runuser) to run the "
                + "embedded database as. Run SRegistry as a regular user, install PostgreSQL from the distribution "
                + "packages (apt-get install postgresql creates the account), or set Database:ConnectionString to an "
                + "external PostgreSQL server.");
        }

        return new PostgresServerAccount(runuser);
    }

    public Task<ToolResult> RunAsync(string program, IEnumerable<string> arguments, CancellationToken ct) =>
        runuser is null
            ? ProcessRunner.RunAsync(program, arguments, ct)
            : ProcessRunner.RunAsync(runuser, ["-u", PostgresUser, "--", program, .. arguments], ct);

    /// <summary>Throws, saying what to do, unless the account can search every directory down to <paramref name="directory"/>.</summary>
    public async Task EnsureCanReachAsync(string directory, CancellationToken ct)
    {
        if (runuser is null || (await RunAsync("test", ["-x", directory], ct)).Succeeded)
        {
            return;
        }

        var blocked = directory;
        foreach (var ancestor in AncestorsFromRoot(directory))
        {
            if (!(await RunAsync("test", ["-x", ancestor], ct)).Succeeded)
            {
                blocked = ancestor;
                break;
            }
        }

        throw new EmbeddedPostgresException(
            $"PostgreSQL refuses to run as root, so the embedded database runs as the 'postgres' account, but that "
            + $"account cannot reach '{directory}': it may not enter '{blocked}'. Do one of: run SRegistry as a regular "
            + "user; use a data directory the postgres account can reach, such as /var/lib/sregistry; make the parent "
            + $"directories searchable (chmod o+x '{blocked}'); or set Database:ConnectionString to an external "
            + "PostgreSQL server.");
    }

    /// <summary>Hands a directory or file this process created to the account; nothing to do when it is us.</summary>
    public async Task GiveAsync(string path, CancellationToken ct)
    {
        if (runuser is null)
        {
            return;
        }

        var chown = await ProcessRunner.RunAsync("chown", [$"{PostgresUser}:", path], ct);
        if (!chown.Succeeded)
        {
            throw new EmbeddedPostgresException($"Could not hand '{path}' to the postgres account: {chown.Output}");
        }
    }

    private static IEnumerable<string> AncestorsFromRoot(string directory)
    {
        var chain = new Stack<string>();
        for (var current = directory; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            chain.Push(current);
        }

        return chain;
    }

    private static bool IsRoot()
    {
        if (Environment.UserName == "root")
        {
            return true;
        }

        // The effective uid, for a root process whose uid 0 has another name or no passwd entry.
        const string status = "/proc/self/status";
        var uids = File.Exists(status)
            ? File.ReadLines(status).FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal))
            : null;
        var fields = uids?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 2 } && fields[2] == "0";
    }
}
