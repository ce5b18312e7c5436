using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SRegistry.Core.Domain;
using SRegistry.Core.Storage;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// The sregistry-cli token of an API token: the HMAC key the client signs with.
/// </summary>
/// <remarks>
/// <para>
/// sregistry-cli keys its HMAC with the token the user pasted into <c>~/.sregistry</c>, so the server must
/// be able to compute that key. API token secrets are stored only as SHA-256 hashes, so the key cannot be
/// the secret itself. Instead it is derived: <c>sregcli_</c> + base64url(HMAC-SHA256(server key,
/// "sregistry-cli/v1|&lt;token id&gt;|&lt;hex SHA-256 of the secret&gt;")). The server key is 32 random
/// bytes in <c>&lt;data&gt;/keys/sregistry-cli.key</c>, outside the database.
/// </para>
/// <para>
/// Consequences: nothing usable is stored in plaintext in the database (a database dump lacks the server
/// key; the key file alone lacks the hashes); the derived token is recomputed, never stored; revoking or
/// expiring the API token, or disabling its user, ends its sregistry-cli token too; its scopes apply. Users
/// get it from <c>POST /api/api-token-auth/</c> (user name and password) or <c>GET /api/token</c> with
/// <c>Authorization: Bearer &lt;API token&gt;</c>. Servers sharing a database must share the key file.
/// </para>
/// </remarks>
public sealed class SRegistryCliKeys(IOptions<SRegistryCliOptions> options)
{
    /// <summary>What every sregistry-cli token starts with, so it is recognisable when leaked.</summary>
    public const string Prefix = "sregcli_";

    private readonly Lazy<byte[]> _serverKey = new(() => LoadOrCreate(options.Value.KeyFile));

    /// <summary>The sregistry-cli token of <paramref name="token"/>.</summary>
    public string Derive(ApiToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var message = Encoding.UTF8.GetBytes($"sregistry-cli/v1|{token.Id}|{Convert.ToHexStringLower(token.SecretHash)}");
        return Prefix + Base64Url.EncodeToString(HMACSHA256.HashData(_serverKey.Value, message));
    }

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
