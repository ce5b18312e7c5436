using Microsoft.Extensions.Options;
using Npgsql;
using SRegistry.Core.Persistence;
using SRegistry.PluginHost;

namespace SRegistry.Server.Hosting;

/// <summary>Turns the failures an operator can fix into one clear line instead of a stack trace.</summary>
public static class StartupFailure
{
    /// <summary>The message for a failure the operator can fix, or null for a bug (shown in full).</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        RegistryConfigurationException or PluginLoadException or EmbeddedPostgresException => exception.Message,
        OptionsValidationException options =>
            $"Invalid configuration for {options.OptionsType.Name}: {string.Join("; ", options.Failures)}",
        NpgsqlException database => DatabaseFailure(database),

        // EF's retrying execution strategy reports a database that stays unreachable wrapped in this.
        InvalidOperationException { InnerException: NpgsqlException database } => DatabaseFailure(database),

        // The configuration binder's words for a value of the wrong type ("Failed to convert configuration
        // value 'abc' at 'Uploads:UrlLifetime' to type 'System.TimeSpan'.") already name the setting.
        InvalidOperationException { Message: var binding } when binding.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            $"Invalid configuration: {binding} Correct that setting.",
        // An object store (or another service a plugin calls) that is down or refuses the credentials.
        HttpRequestException unreachable =>
            $"A service the registry uses over HTTP could not be reached: {unreachable.Message}. Check its address in the configuration (such as Storage:S3:ServiceUrl) and that it is running.",
        Amazon.Runtime.AmazonServiceException s3 =>
            $"The object store refused the request: {s3.Message} ({s3.ErrorCode}). Check Storage:S3:Bucket and the credentials.",
        IOException { InnerException: System.Net.Sockets.SocketException } bind =>
            $"{bind.Message}. Choose another address with --urls, or stop what is listening there.",
        _ => null,
    };

    private static string DatabaseFailure(NpgsqlException database) =>
        $"Cannot use the database named by Database:ConnectionString: {database.Message}. " +
        "Check the connection string, or leave it empty to use the embedded database in the data directory.";

    /// <summary>Writes the failure to standard error and returns the process exit code.</summary>
    public static int Report(Exception exception)
    {
        Console.Error.WriteLine($"sregistry: {Describe(exception) ?? exception.ToString()}");
        return 1;
    }
}
