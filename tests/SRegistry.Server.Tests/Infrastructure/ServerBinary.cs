using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace SRegistry.Server.Tests.Infrastructure;

/// <summary>The built SRegistry.Server.dll, run as a real process the way operators run it.</summary>
public static class ServerBinary
{
    private static readonly Lazy<string> DllPath = new(Locate);

    /// <summary>A process that runs the server binary with the given arguments.</summary>
    public static Process CreateProcess(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(DllPath.Value);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return new Process { StartInfo = start };
    }

    /// <summary>Runs the binary to completion (admin commands, refused starts), feeding <paramref name="input"/> to stdin.</summary>
    public static async Task<CommandResult> RunAsync(IEnumerable<string> args, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = CreateProcess(args, environment);
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        var configuration = typeof(ServerBinary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SRegistry.sln")))
            {
                var dll = Path.Combine(dir.FullName, "core", "SRegistry.Server", "bin", configuration, "net10.0", "SRegistry.Server.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the server first ({dll} is missing).", dll);
            }
        }

        throw new DirectoryNotFoundException("SRegistry.sln not found above " + AppContext.BaseDirectory);
    }
}
