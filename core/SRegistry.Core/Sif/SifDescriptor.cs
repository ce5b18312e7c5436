using System.Buffers.Binary;

namespace SRegistry.Core.Sif;

/// <summary>One used data object descriptor: the common fields and the type-specific "extra" bytes.</summary>
internal sealed record SifDescriptor(int DataType, uint Id, uint GroupId, uint LinkedId, long Offset, long Size, byte[] Extra)
{
    private const int ExtraOffset = 201;
    private const int ExtraSize = 384;

    /// <summary>Parses a descriptor, or returns null for an unused slot; checks that its data lies inside the file.</summary>
    public static SifDescriptor? Parse(ReadOnlySpan<byte> bytes, long fileLength)
    {
        if (bytes[4] == 0) return null;
        var descriptor = new SifDescriptor(
            BinaryPrimitives.ReadInt32LittleEndian(bytes),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[5..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[9..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[13..]),
            BinaryPrimitives.ReadInt64LittleEndian(bytes[17..]),
            BinaryPrimitives.ReadInt64LittleEndian(bytes[25..]),
            bytes.Slice(ExtraOffset, ExtraSize).ToArray());
        if (descriptor.Offset < 0 || descriptor.Size < 0 || descriptor.Offset > fileLength || fileLength - descriptor.Offset < descriptor.Size)
            throw new SifFormatException(
                $"Truncated or corrupt SIF image: object {descriptor.Id} ({descriptor.Size} bytes at offset {descriptor.Offset}) lies outside the file's {fileLength} bytes.");
        return descriptor;
    }

    public int ExtraInt32(int offset) => BinaryPrimitives.ReadInt32LittleEndian(Extra.AsSpan(offset));

    public ReadOnlySpan<byte> ExtraBytes(int offset, int length) => Extra.AsSpan(offset, length);
}
