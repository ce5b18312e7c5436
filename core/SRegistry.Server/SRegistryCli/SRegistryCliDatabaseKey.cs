using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using SRegistry.Core.Persistence;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// The sregistry-cli server key in the database's <c>server_keys</c> table, so instances sharing an
/// external database share the key without sharing a file. It is sealed with Data Protection (its key
/// ring is in the same database), so the row alone is not the key, and whatever protection the key ring
/// is given covers this key too.
/// </summary>
public sealed class SRegistryCliDatabaseKey(DatabaseServerKeys keys, IDataProtectionProvider protection) : ISRegistryCliServerKey
{
    /// <summary>The row's name in <c>server_keys</c>.</summary>
    public const string Name = "sregistry-cli";

    /// <summary>The Data Protection purpose the key is sealed under.</summary>
    public const string Purpose = "SRegistry.SRegistryCli.ServerKey";

    /// <inheritdoc />
    public byte[] Load()
    {
        var protector = protection.CreateProtector(Purpose);
        return protector.Unprotect(keys.GetOrAdd(Name, protector.Protect(RandomNumberGenerator.GetBytes(32))));
    }
}
