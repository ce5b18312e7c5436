using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SRegistry.Core.Persistence;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// The sregistry-cli server key in the database's <c>server_keys</c> table, so instances sharing an
/// external database share the key without sharing a file. It is sealed with Data Protection (its key
/// ring is in the same database), so the row alone is not the key, and whatever protection the key ring
/// is given covers this key too. An instance that kept the key in its default file before (an upgrade)
/// offers that key first, so the tokens users already have keep working.
/// </summary>
public sealed class SRegistryCliDatabaseKey(DatabaseServerKeys keys, IDataProtectionProvider protection, IOptions<SRegistryCliOptions> options) : ISRegistryCliServerKey
{
    /// <summary>The row's name in <c>server_keys</c>.</summary>
    public const string Name = "sregistry-cli";

    /// <summary>The Data Protection purpose the key is sealed under.</summary>
    public const string Purpose = "SRegistry.SRegistryCli.ServerKey";

    /// <inheritdoc />
    public byte[] Load()
    {
        var protector = protection.CreateProtector(Purpose);
        var candidate = File.Exists(options.Value.KeyFile) ? File.ReadAllBytes(options.Value.KeyFile) : RandomNumberGenerator.GetBytes(32);
        return protector.Unprotect(keys.GetOrAdd(Name, protector.Protect(candidate)));
    }
}
