using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SRegistry.Core.Persistence.Embedded;

/// <summary>Runs a command without a shell or a terminal and collects its output.</summary>
internal static class ProcessRunner
{
    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // The postgres account usually cannot read the caller's working directory; initdb and
            // pg_ctl complain (or fail) when they cannot.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new ToolResult(127, $"{fileName}: {e.Message}");
        }

        // Nothing here may wait for input: a prompt would hang start-up.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        lock (output)
        {
            return new ToolResult(process.ExitCode, output.ToString().TrimEnd());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
