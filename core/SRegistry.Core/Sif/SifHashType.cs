namespace SRegistry.Core.Sif;

/// <summary>The hash a SIF signature object was made with (the SIF <c>Hashtype</c> codes).</summary>
public enum SifHashType
{
    /// <summary>SHA-256.</summary>
    Sha256 = 1,

    /// <summary>SHA-384.</summary>
    Sha384 = 2,

    /// <summary>SHA-512.</summary>
    Sha512 = 3,

    /// <summary>BLAKE2s-256.</summary>
    Blake2s256 = 4,

    /// <summary>BLAKE2b-256.</summary>
    Blake2b256 = 5,
}
