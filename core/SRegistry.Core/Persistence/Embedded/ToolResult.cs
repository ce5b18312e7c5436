namespace SRegistry.Core.Persistence.Embedded;

/// <summary>How a command line tool ended: its exit code and everything it printed.</summary>
internal readonly record struct ToolResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
