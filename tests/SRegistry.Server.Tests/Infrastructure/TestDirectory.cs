namespace SRegistry.Server.Tests.Infrastructure;

/// <summary>
/// A temporary directory under /tmp, removed on dispose. Created 0755 (not with
/// CreateTempSubdirectory's 0700) because the embedded PostgreSQL runs as the postgres account
/// when the tests run as root, and that account must reach the data directory.
/// </summary>
public sealed class TestDirectory : IDisposable
{
    public TestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sreg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server that failed to stop may still hold files; /tmp is cleaned with the machine.
        }
    }
}
