using System.Runtime.InteropServices;

namespace SRegistry.Bench;

/// <summary>Drops one file's pages from the page cache, so reading it back measures the disk rather than memory.</summary>
internal static class PageCache
{
    private const int DontNeed = 4;

    /// <summary>Evicts the (already fsynced, so clean) pages of <paramref name="path"/>; false where that is not possible.</summary>
    public static bool Evict(string path)
    {
        if (!OperatingSystem.IsLinux()) return false;
        using var handle = File.OpenHandle(path);
        return posix_fadvise((int)handle.DangerousGetHandle(), 0, 0, DontNeed) == 0;
    }

    /// <summary>Reads <paramref name="path"/> once through the page cache, then <see cref="Evict"/>s it.</summary>
    public static bool ReadThenEvict(string path)
    {
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0))
            file.CopyTo(Stream.Null, 1 << 20);
        return Evict(path);
    }

    [DllImport("libc")]
    private static extern int posix_fadvise(int fd, long offset, long length, int advice);
}
