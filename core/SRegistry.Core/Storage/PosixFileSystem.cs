using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SRegistry.Core.Storage;

/// <summary>
/// The Linux calls .NET does not expose: a rename that never replaces (File.Move checks, then
/// renames, which races), fsync on a directory (it cannot open one), early writeback of a file
/// range, switching a descriptor to direct I/O, and an unlink that says whether the file existed.
/// </summary>
internal static class PosixFileSystem
{
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;
    private const int NoSuchFile = 2;
    private const int BadFileDescriptor = 9;
    private const int FileExists = 17;
    private const int InvalidArgument = 22;
    private const int NotImplemented = 38;
    private const int CurrentDirectory = -100;
    private const uint RenameNoReplace = 1;
    private const uint SyncFileRangeWrite = 2;
    private const int GetStatusFlags = 3;
    private const int SetStatusFlags = 4;
    private const int Direct = 0x4000;

    /// <summary>
    /// Atomically renames <paramref name="source"/> to <paramref name="target"/> unless
    /// <paramref name="target"/> exists, in which case it returns false and changes nothing.
    /// </summary>
    public static bool TryRenameNoReplace(string source, string target)
    {
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                File.Move(source, target, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(target))
            {
                return false;
            }
        }
        if (renameat2(CurrentDirectory, source, CurrentDirectory, target, RenameNoReplace) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno == FileExists) return false;
        if (errno is not (InvalidArgument or NotImplemented)) throw Failure("renameat2", target, errno);

        // The filesystem or kernel has no RENAME_NOREPLACE: link(2) fails just as atomically when the target exists.
        if (link(source, target) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            if (errno == FileExists) return false;
            throw Failure("link", target, errno);
        }
        Unlink(source);
        return true;
    }

    /// <summary>Makes a rename or create inside <paramref name="directory"/> durable.</summary>
    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = open(directory, ReadOnly | CloseOnExec);
        if (fd < 0) throw Failure("open", directory);
        try
        {
            // Like PostgreSQL: filesystems that cannot fsync a directory say EINVAL or EBADF; nothing more can be done there.
            if (fsync(fd) != 0 && Marshal.GetLastPInvokeError() is not (InvalidArgument or BadFileDescriptor)) throw Failure("fsync", directory);
        }
        finally
        {
            _ = close(fd);
        }
    }

    /// <summary>
    /// Asks the kernel to start writing a range of dirty pages to disk without waiting for it, so
    /// the disk works while the caller keeps hashing and the final fsync has little left to do.
    /// A hint: failures are ignored, the fsync still makes the file durable.
    /// </summary>
    public static void StartWriteback(SafeFileHandle file, long offset, long count)
    {
        if (!OperatingSystem.IsLinux()) return;
        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            _ = sync_file_range((int)file.DangerousGetHandle(), offset, count, SyncFileRangeWrite);
        }
        finally
        {
            if (added) file.DangerousRelease();
        }
    }

    /// <summary>
    /// Turns O_DIRECT on or off for an open file: its writes then go from the caller's (aligned) memory
    /// to the disk, skipping the page cache. False when the filesystem (or the OS) cannot do that.
    /// </summary>
    public static bool TrySetDirect(SafeFileHandle file, bool direct)
    {
        if (!OperatingSystem.IsLinux()) return false;
        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            var fd = (int)file.DangerousGetHandle();
            var flags = fcntl(fd, GetStatusFlags, 0);
            return flags >= 0 && fcntl(fd, SetStatusFlags, direct ? flags | Direct : flags & ~Direct) == 0;
        }
        finally
        {
            if (added) file.DangerousRelease();
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

    private static IOException Failure(string call, string path) => Failure(call, path, Marshal.GetLastPInvokeError());

    private static IOException Failure(string call, string path, int errno)
    {
        return new IOException($"{call}({path}) failed: {new Win32Exception(errno).Message} (errno {errno}).", errno);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int renameat2(
        int sourceDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string source, int targetDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string target, uint flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string source, [MarshalAs(UnmanagedType.LPUTF8Str)] string target);

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);

    [DllImport("libc")]
    private static extern int sync_file_range(int fd, long offset, long count, uint flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int command, int argument);

    [DllImport("libc", SetLastError = true)]
    private static extern int unlink([MarshalAs(UnmanagedType.LPUTF8Str)] string path);
}
