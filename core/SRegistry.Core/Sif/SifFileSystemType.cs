namespace SRegistry.Core.Sif;

/// <summary>The filesystem of a SIF partition (the SIF <c>Fstype</c> codes).</summary>
public enum SifFileSystemType
{
    /// <summary>Read-only squashfs, what Singularity builds.</summary>
    Squashfs = 1,

    /// <summary>Writable ext3 (deprecated).</summary>
    Ext3 = 2,

    /// <summary>Immutable data object archive.</summary>
    ImmutableObjectArchive = 3,

    /// <summary>Raw data.</summary>
    Raw = 4,

    /// <summary>Squashfs encrypted with a key held in a cryptographic message object.</summary>
    EncryptedSquashfs = 5,
}
