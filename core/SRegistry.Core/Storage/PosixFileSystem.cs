using System.ComponentModel;
using System.Runtime.InteropServices;

namespace SRegistry.Core.Storage;

/// <summary>
/// The two Linux calls .NET does not expose: fsync on a directory (it cannot open one), and an
/// unlink that says whether the file existed without a racy existence check first.
/// </summary>
internal static class PosixFileSystem
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;
    private const int NoSuchFile = 2;

    /// <summary>Makes a rename or create inside <paramref name="directory"/> durable.</summary>
    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = open(directory, ReadOnly | CloseOnExec);
        if (fd < 0) throw Failure("open", directory);
        try
        {
            if (fsync(fd) != 0) throw Failure("fsync", directory);
        }
        finally
        {
            _ = close(fd);
        }
    }

    /// <summary>Removes a file; false when it did not exist.</summary>
    public static bool Unlink(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            if (!File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }
        if (unlink(path) == 0) return true;
        if (Marshal.GetLastPInvokeError() == NoSuchFile) return false;
        throw Failure("unlink", path);
    }

    private static IOException Failure(string call, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call}({path}) failed: {new Win32Exception(errno).Message} (errno {errno}).", errno);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int unlink([MarshalAs(UnmanagedType.LPUTF8Str)] string path);
}
