using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SRegistry.Bench;

/// <summary>Runs an external tool to completion; any failure is a <see cref="BenchFailure"/> saying what to do.</summary>
internal static class Command
{
    /// <summary>Runs <paramref name="tool"/> and returns its standard output; throws unless it exits with 0 within <paramref name="limit"/>.</summary>
    public static async Task<string> RunAsync(
        string tool, IEnumerable<string> arguments, TimeSpan limit, string? installHint = null,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = Start(tool, arguments, environment);
        start.WorkingDirectory = workingDirectory ?? "";
        var described = $"{tool} {string.Join(' ', start.ArgumentList)}";
        using var process = Launch(start, installHint);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new BenchFailure($"{described} did not finish within {limit}");
        }

        if (process.ExitCode != 0)
            throw new BenchFailure($"{described} exited with {process.ExitCode}:\n{await stderr}{await stdout}".TrimEnd());
        return await stdout;
    }

    /// <summary>A start description with redirected streams and the given environment changes (null removes a variable).</summary>
    public static ProcessStartInfo Start(string tool, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        return start;
    }

    /// <summary>Starts the process; a missing tool becomes a <see cref="BenchFailure"/> with the install hint.</summary>
    public static Process Launch(ProcessStartInfo start, string? installHint)
    {
        try
        {
            return Process.Start(start) ?? throw new BenchFailure($"cannot start {start.FileName}");
        }
        catch (Win32Exception e)
        {
            throw new BenchFailure($"cannot run '{start.FileName}' ({e.Message})" + (installHint is null ? "" : $"; {installHint}"));
        }
    }
}
