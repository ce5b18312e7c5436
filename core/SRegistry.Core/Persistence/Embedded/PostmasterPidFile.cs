namespace SRegistry.Core.Persistence.Embedded;

/// <summary>
/// What a running server wrote to <c>postmaster.pid</c>: line 4 is the port, line 5 the first socket
/// directory. Read when reusing a cluster someone else started, which may listen elsewhere than we would.
/// </summary>
internal sealed record PostmasterPidFile(int Port, string? SocketDirectory)
{
    public static PostmasterPidFile? Read(string clusterDirectory)
    {
        var path = Path.Combine(clusterDirectory, "postmaster.pid");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        if (lines.Length < 5 || !int.TryParse(lines[3], out var port))
        {
            return null;
        }

        return new PostmasterPidFile(port, string.IsNullOrWhiteSpace(lines[4]) ? null : lines[4].Trim());
    }
}
