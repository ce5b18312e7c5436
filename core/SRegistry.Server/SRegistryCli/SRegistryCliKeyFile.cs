using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SRegistry.Core.Storage;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// The sregistry-cli server key in <c>SRegistryCli:KeyFile</c> (default <c>&lt;data&gt;/keys/sregistry-cli.key</c>):
/// used with the embedded database, or whenever the file is configured explicitly.
/// </summary>
public sealed class SRegistryCliKeyFile(IOptions<SRegistryCliOptions> options) : ISRegistryCliServerKey
{
    /// <inheritdoc />
    public byte[] Load() => LoadOrCreate(options.Value.KeyFile);

    // Created once, race-free across processes: write a temporary file, then move it into place
    // without overwriting; whoever loses the race reads the winner's key.
    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
            return File.ReadAllBytes(path);

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(temporary, options))
        {
            file.Write(RandomNumberGenerator.GetBytes(32));
            file.Flush(flushToDisk: true);
        }

        if (!AtomicFile.TryMoveWithoutReplacing(temporary, path))
            File.Delete(temporary);

        return File.ReadAllBytes(path);
    }
}
