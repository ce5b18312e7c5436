using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;

namespace SRegistry.Server.Tests.Library;

/// <summary>
/// Real SIF images made with the reference tools (<c>siftool</c>, <c>mksquashfs</c>), as
/// <c>apptainer build</c> would leave them: a squashfs primary partition of a given architecture.
/// Every image is unique (siftool stamps a fresh UUID and time), so tests never share bytes by accident.
/// </summary>
public static class SifFiles
{
    private const string InstallHint = "apt-get install siftool squashfs-tools, or run bash .ci/run";

    // siftool's --partarch numbers.
    private static readonly Dictionary<string, int> PartArch = new() { ["386"] = 1, ["amd64"] = 2, ["arm"] = 3, ["arm64"] = 4, ["ppc64le"] = 6, ["s390x"] = 11 };

    /// <summary>
    /// Makes an image in <paramref name="directory"/> and returns its path. <paramref name="paddingBytes"/>
    /// of random (incompressible) data are added as a generic data object, to reach a size.
    /// </summary>
    public static async Task<string> CreateAsync(string directory, string arch = "amd64", long paddingBytes = 0)
    {
        var work = Path.Combine(directory, "sif-" + Guid.NewGuid().ToString("N")[..8]);
        var root = Path.Combine(work, "rootfs");
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        await File.WriteAllTextAsync(Path.Combine(root, "bin", "hello"), "#!/bin/sh\necho hello\n");
        var squashfs = Path.Combine(work, "rootfs.squashfs");
        await RunAsync("mksquashfs", root, squashfs, "-noappend", "-all-root", "-quiet", "-no-progress");

        var image = Path.Combine(work, "image.sif");
        await RunAsync("siftool", "new", image);
        await RunAsync("siftool", "add", image, squashfs, "--datatype", "4", "--parttype", "2", "--partfs", "1", "--partarch", $"{PartArch[arch]}");
        if (paddingBytes > 0)
        {
            var padding = Path.Combine(work, "padding.bin");
            await WriteRandomAsync(padding, paddingBytes);
            await RunAsync("siftool", "add", image, padding, "--datatype", "7");
            File.Delete(padding);
        }

        return image;
    }

    /// <summary>The library's name for a file's content: <c>sha256.&lt;hex&gt;</c>.</summary>
    public static string LibraryHash(string path)
    {
        using var stream = File.OpenRead(path);
        return "sha256." + Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static async Task WriteRandomAsync(string path, long length)
    {
        var buffer = new byte[1024 * 1024];
        await using var file = File.Create(path);
        for (var left = length; left > 0; left -= buffer.Length)
        {
            var chunk = (int)Math.Min(buffer.Length, left);
            Random.Shared.NextBytes(buffer.AsSpan(0, chunk));
            await file.WriteAsync(buffer.AsMemory(0, chunk));
        }
    }

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run '{tool}': {e.Message}. {InstallHint}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            await output;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
            }
        }
    }
}
