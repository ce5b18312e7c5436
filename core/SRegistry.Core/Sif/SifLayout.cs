namespace SRegistry.Core.Sif;

/// <summary>Sizes, codes and limits of the SIF 01 on-disk format (little-endian, packed, as sylabs/sif writes it).</summary>
internal static class SifLayout
{
    public const int HeaderSize = 128;
    public const int DescriptorSize = 585;

    /// <summary>Singularity creates 48; the cap keeps a crafted header from making the reader allocate or loop much.</summary>
    public const int MaxDescriptors = 4096;

    /// <summary>Definition files, environments and labels are small; larger objects are refused rather than loaded.</summary>
    public const int MaxTextObjectSize = 1 << 20;

    public const int DataDefinitionFile = 0x4001;
    public const int DataEnvironment = 0x4002;
    public const int DataLabels = 0x4003;
    public const int DataPartition = 0x4004;
    public const int DataSignature = 0x4005;
    public const int DataCryptoMessage = 0x4008;

    public const int PartitionPrimarySystem = 2;
    public const uint GroupMask = 0xf0000000;
    public const int MessageClearSignature = 0x100;
    public const int FingerprintSize = 20;

    public static ReadOnlySpan<byte> Magic => "SIF_MAGIC\0"u8;
    public const int MagicOffset = 32;
    public const string SupportedVersion = "01";
}
