using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using SRegistry.Core.Domain;

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
/// bytes (see <see cref="ISRegistryCliServerKey"/>): with the embedded database, or an explicit
/// <c>SRegistryCli:KeyFile</c>, in a file (default <c>&lt;data&gt;/keys/sregistry-cli.key</c>); with an
/// external database, in its <c>server_keys</c> table sealed with Data Protection, so instances sharing
/// the database share the key without sharing a file.
/// </para>
/// <para>
/// Consequences: nothing usable is stored in plaintext in the database (with the embedded database a dump
/// lacks the server key; with an external one it holds the key sealed by Data Protection's key ring, which
/// is in the same database, so a dump is as secret as that key ring already makes it; the key alone lacks
/// the hashes); the derived token is recomputed, never stored; revoking or
/// expiring the API token, or disabling its user, ends its sregistry-cli token too; its scopes apply. Users
/// get it from <c>POST /api/api-token-auth/</c> (user name and password) or <c>GET /api/token</c> with
/// <c>Authorization: Bearer &lt;API token&gt;</c>. Servers sharing a database and an explicit
/// <c>SRegistryCli:KeyFile</c> must share that file.
/// </para>
/// </remarks>
public sealed class SRegistryCliKeys(ISRegistryCliServerKey source)
{
    /// <summary>What every sregistry-cli token starts with, so it is recognisable when leaked.</summary>
    public const string Prefix = "sregcli_";

    // Loaded on first use, not at start: the database may not be migrated yet then. PublicationOnly
    // does not cache a failure (a database briefly unreachable), and every source is race-free.
    private readonly Lazy<byte[]> _serverKey = new(source.Load, LazyThreadSafetyMode.PublicationOnly);

    /// <summary>The sregistry-cli token of <paramref name="token"/>.</summary>
    public string Derive(ApiToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var message = Encoding.UTF8.GetBytes($"sregistry-cli/v1|{token.Id}|{Convert.ToHexStringLower(token.SecretHash)}");
        return Prefix + Base64Url.EncodeToString(HMACSHA256.HashData(_serverKey.Value, message));
    }
}
