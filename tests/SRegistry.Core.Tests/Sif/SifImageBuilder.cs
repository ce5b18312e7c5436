using System.ComponentModel;
using System.Diagnostics;

namespace SRegistry.Core.Tests.Sif;

/// <summary>
/// Makes real SIF images with the reference tools, <c>siftool</c> and <c>mksquashfs</c>, in a
/// temporary directory. Objects get ids 1, 2, … in the order they are added.
/// </summary>
public sealed class SifImageBuilder : IDisposable
{
    private const string InstallHint = "The SIF tests need the reference tools: apt-get install siftool squashfs-tools";
    private readonly string _directory = Directory.CreateTempSubdirectory("sregistry-sif-").FullName;
    private readonly List<Func<string, Task>> _additions = [];

    public SifImageBuilder WithDefinitionFile(string text) => AddText("definition.def", text, "--datatype", "1");

    public SifImageBuilder WithEnvironment(string text) => AddText("environment.sh", text, "--datatype", "2");

    public SifImageBuilder WithLabels(string json) => AddText("labels.json", json, "--datatype", "3");

    public SifImageBuilder WithCryptoMessage() => AddText("message.bin", "key", "--datatype", "8");

    /// <summary>Adds a tiny squashfs root filesystem as the primary system partition (<c>--partarch</c>: 2 = amd64, 4 = arm64; <c>--partfs</c> 5 = encrypted squashfs).</summary>
    public SifImageBuilder WithPrimaryPartition(int partArch, int partFs = 1)
    {
        _additions.Add(async image =>
        {
            var root = Path.Combine(_directory, "rootfs");
            Directory.CreateDirectory(Path.Combine(root, "bin"));
            await File.WriteAllTextAsync(Path.Combine(root, "bin", "hello"), "#!/bin/sh\necho hello\n");
            var squashfs = Path.Combine(_directory, "rootfs.squashfs");
            await RunAsync("mksquashfs", root, squashfs, "-noappend", "-all-root", "-quiet", "-no-progress");
            await RunAsync("siftool", "add", image, squashfs, "--datatype", "4", "--parttype", "2", "--partfs", $"{partFs}", "--partarch", $"{partArch}");
        });
        return this;
    }

    /// <summary>Adds a signature object over object <paramref name="linkedId"/> by the key with <paramref name="fingerprint"/> (<c>--signhash</c>: 1 = SHA256 … 5 = BLAKE2b).</summary>
    public SifImageBuilder WithSignature(string fingerprint, int signHash, uint linkedId) =>
        AddText("signature.asc", "-----BEGIN PGP SIGNATURE-----\n", "--datatype", "5", "--signentity", fingerprint, "--signhash", $"{signHash}", "--link", $"{linkedId}");

    /// <summary>Runs the tools and returns the image's path (inside this builder's directory).</summary>
    public async Task<string> BuildAsync()
    {
        var image = Path.Combine(_directory, "image.sif");
        await RunAsync("siftool", "new", image);
        foreach (var add in _additions) await add(image);
        return image;
    }

    /// <summary>Runs a tool and returns its standard output; fails, saying how to install it, when it is missing.</summary>
    public static async Task<string> RunAsync(string tool, params string[] arguments)
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
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
            return await output;
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private SifImageBuilder AddText(string fileName, string text, params string[] options)
    {
        var file = Path.Combine(_directory, $"{_additions.Count + 1}-{fileName}");
        _additions.Add(async image =>
        {
            await File.WriteAllTextAsync(file, text);
            await RunAsync("siftool", ["add", image, file, .. options]);
        });
        return this;
    }
}
