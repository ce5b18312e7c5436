using System.Buffers.Binary;
using System.Text;

namespace SRegistry.Core.Sif;

/// <summary>The fields of the SIF global header the reader uses, checked against the file's length.</summary>
internal readonly record struct SifHeader(string Version, string? Architecture, Guid ImageId, DateTimeOffset CreatedAt, int DescriptorCount, long DescriptorsOffset)
{
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Parses and checks the header; <paramref name="bytes"/> is the file's start, up to <see cref="SifLayout.HeaderSize"/> bytes.</summary>
    public static SifHeader Parse(ReadOnlySpan<byte> bytes, long fileLength)
    {
        var magicEnd = SifLayout.MagicOffset + SifLayout.Magic.Length;
        if (bytes.Length < magicEnd || !bytes[SifLayout.MagicOffset..magicEnd].SequenceEqual(SifLayout.Magic))
            throw new SifFormatException($"Not a SIF image: no SIF_MAGIC at byte {SifLayout.MagicOffset} (the file is {fileLength} bytes).");
        if (bytes.Length < SifLayout.HeaderSize)
            throw new SifFormatException($"Truncated SIF image: the file is {fileLength} bytes, shorter than the {SifLayout.HeaderSize}-byte header.");

        var version = Encoding.ASCII.GetString(bytes.Slice(42, 3)).TrimEnd('\0');
        if (version != SifLayout.SupportedVersion)
            throw new SifFormatException($"Unsupported SIF version '{version}': this reader knows version {SifLayout.SupportedVersion}.");

        var total = BinaryPrimitives.ReadInt64LittleEndian(bytes[88..]);
        var offset = BinaryPrimitives.ReadInt64LittleEndian(bytes[96..]);
        if (total is < 0 or > SifLayout.MaxDescriptors)
            throw new SifFormatException($"Corrupt SIF header: it declares {total} descriptors; this reader accepts at most {SifLayout.MaxDescriptors}.");
        if (offset < SifLayout.HeaderSize || offset > fileLength || fileLength - offset < total * SifLayout.DescriptorSize)
            throw new SifFormatException(
                $"Truncated or corrupt SIF image: {total} descriptors of {SifLayout.DescriptorSize} bytes at offset {offset} do not fit in the file's {fileLength} bytes.");

        var createdAt = BinaryPrimitives.ReadInt64LittleEndian(bytes[64..]);
        return new SifHeader(
            version,
            SifArchitecture.ToGoName(bytes.Slice(45, 3)),
            new Guid(bytes.Slice(48, 16), bigEndian: true),
            createdAt >= MinUnixSeconds && createdAt <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(createdAt) : DateTimeOffset.UnixEpoch,
            (int)total,
            offset);
    }
}
