namespace SRegistry.Server.Tests.Infrastructure;

/// <summary>Runs <c>sregistry admin …</c> against a data directory, as an operator's script would.</summary>
public static class AdminCli
{
    public static Task<CommandResult> RunAsync(string dataDirectory, string? input, params string[] args) =>
        ServerBinary.RunAsync(["admin", "--data", dataDirectory, .. args], input);

    /// <summary>Runs a command that must succeed and returns its standard output, trimmed.</summary>
    public static async Task<string> OkAsync(string dataDirectory, string? input, params string[] args)
    {
        var result = await RunAsync(dataDirectory, input, args);
        Assert.True(result.ExitCode == 0, $"admin {string.Join(' ', args)} failed: {result}");
        return result.StandardOutput.Trim();
    }
}
