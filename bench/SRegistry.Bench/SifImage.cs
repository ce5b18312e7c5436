namespace SRegistry.Bench;

/// <summary>
/// A SIF image as the tests make them (siftool + mksquashfs): a tiny amd64 squashfs primary partition,
/// brought to size by a generic data object of incompressible pseudo-random bytes, streamed to disk.
/// Each image is unique (siftool stamps a fresh UUID), so no push finds its bytes already stored.
/// </summary>
internal static class SifImage
{
    private const string InstallHint = "apt-get install siftool squashfs-tools";

    /// <summary>Makes <c>image.sif</c> in <paramref name="directory"/> with <paramref name="paddingBytes"/> of data; returns its path.</summary>
    public static async Task<string> CreateAsync(string directory, long paddingBytes, ulong seed)
    {
        var root = Path.Combine(directory, "rootfs");
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        await File.WriteAllTextAsync(Path.Combine(root, "bin", "hello"), "#!/bin/sh\necho hello\n");
        var squashfs = Path.Combine(directory, "rootfs.squashfs");
        await RunAsync("mksquashfs", root, squashfs, "-noappend", "-all-root", "-quiet", "-no-progress");

        var image = Path.Combine(directory, "image.sif");
        await RunAsync("siftool", "new", image);
        // --partarch 2 is amd64.
        await RunAsync("siftool", "add", image, squashfs, "--datatype", "4", "--parttype", "2", "--partfs", "1", "--partarch", "2");
        var padding = Path.Combine(directory, "padding.bin");
        await using (var file = new FileStream(padding, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
        {
            await new PseudoRandomStream(paddingBytes, seed).CopyToAsync(file, ReferenceFile.ChunkSize);
        }
        await RunAsync("siftool", "add", image, padding, "--datatype", "7");
        File.Delete(padding);
        File.Delete(squashfs);
        Directory.Delete(root, recursive: true);
        return image;
    }

    private static Task RunAsync(string tool, params string[] arguments) =>
        Command.RunAsync(tool, arguments, TimeSpan.FromMinutes(10), InstallHint);
}
