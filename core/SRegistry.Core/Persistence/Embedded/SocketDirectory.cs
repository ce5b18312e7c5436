using System.Security.Cryptography;
using System.Text;

namespace SRegistry.Core.Persistence.Embedded;

/// <summary>Where the cluster puts its Unix socket.</summary>
internal static class SocketDirectory
{
    /// <summary>
    /// A Unix socket path must fit in sockaddr_un (108 bytes on Linux, including the terminator);
    /// stay well inside it.
    /// </summary>
    public const int MaxSocketPathLength = 100;

    private const string SocketFileName = ".s.PGSQL.5432";

    /// <summary>
    /// The cluster directory itself when the socket path fits (private to the cluster, nothing to clean up),
    /// otherwise a short directory under /tmp named after a hash of the cluster path, so the same cluster
    /// always gets the same socket directory and different clusters never share one.
    /// </summary>
    public static string For(string clusterDirectory)
    {
        if (Encoding.UTF8.GetByteCount(Path.Combine(clusterDirectory, SocketFileName)) <= MaxSocketPathLength)
        {
            return clusterDirectory;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clusterDirectory)));
        return Path.Combine("/tmp", $"sregistry-pg-{hash[..16]}");
    }
}
