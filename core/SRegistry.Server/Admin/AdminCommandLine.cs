using System.CommandLine;
using SRegistry.Server.Hosting;

namespace SRegistry.Server.Admin;

/// <summary>
/// <c>sregistry admin …</c>: accounts, tokens, blobs and configuration from scripts. Results go to
/// standard output (a token create prints only the token), messages to standard error; exit code 0
/// means done, 1 refused or failed.
/// </summary>
public static class AdminCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var data = new Option<string?>("--data")
        {
            Description = "The registry's data directory (default: SREGISTRY_DATA, then the server's default).",
            Recursive = true,
        };
        var root = new RootCommand("SRegistry administration. Uses the same configuration and database as the server.")
        {
            data,
            UserCommands.Create(data),
            TokenCommands.Create(data),
            EntityCommands.Create(data),
            ContainerCommands.Create(data),
            BlobCommands.Create(data),
            ConfigCommands.Create(data),
            BackupCommands.CreateBackup(data),
            BackupCommands.CreateRestore(data),
            GcCommands.Create(data),
            QuotaCommands.Create(data),
        };

        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception) when (StartupFailure.Describe(exception) is not null)
        {
            return StartupFailure.Report(exception);
        }
    }

    /// <summary>Prints a refusal to standard error and returns the exit code for it.</summary>
    public static int Refuse(string message)
    {
        Console.Error.WriteLine($"sregistry: {message}");
        return 1;
    }

    /// <summary>Reads a secret from the first line of standard input (for --password-stdin, token verify).</summary>
    public static string? ReadSecretLine() => Console.In.ReadLine()?.TrimEnd('\r', '\n');
}
