namespace SRegistry.Core.Tests.Persistence;

/// <summary>
/// A short directory, deleted on dispose. Created with Directory.CreateDirectory (0755 under the usual
/// umask), not CreateTempSubdirectory (0700), so that the postgres account can reach a cluster inside it
/// when the tests run as root. Short, so the cluster's Unix socket path fits.
/// </summary>
public sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory(string parent = "/tmp")
    {
        Path = System.IO.Path.Combine(parent, $"sreg-{Guid.NewGuid():N}"[..13]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
