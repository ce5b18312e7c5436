namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// Where the sregistry-cli server key comes from (see <see cref="SRegistryCliKeys"/>): a file in the data
/// directory, or the database when instances share an external one.
/// </summary>
public interface ISRegistryCliServerKey
{
    /// <summary>
    /// The 32-byte key, created on first use. Must return the same key on every call and in every
    /// instance that shares the source; may throw when the source is unreachable (the caller retries).
    /// </summary>
    byte[] Load();
}
