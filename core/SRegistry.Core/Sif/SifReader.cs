using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SRegistry.Core.Sif;

/// <summary>
/// Reads a SIF image's header and descriptors, and the small text objects they point to, without
/// loading the image. Follows the SIF 01 layout of the reference implementation (sylabs/sif).
/// </summary>
public static class SifReader
{
    /// <summary>
    /// Reads the metadata of the SIF image in <paramref name="image"/>, which must be readable and
    /// seekable; its position is left anywhere. Throws <see cref="SifFormatException"/> when the
    /// bytes are not a well-formed SIF image, including when a text object exceeds 1 MiB.
    /// </summary>
    public static async Task<SifMetadata> ReadAsync(Stream image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!image.CanRead || !image.CanSeek) throw new ArgumentException("Reading a SIF image needs a readable, seekable stream.", nameof(image));

        var fileLength = image.Length;
        var headerBytes = new byte[(int)Math.Min(fileLength, SifLayout.HeaderSize)];
        await ReadAtAsync(image, 0, headerBytes, cancellationToken).ConfigureAwait(false);
        var header = SifHeader.Parse(headerBytes, fileLength);
        var descriptors = await ReadDescriptorsAsync(image, header, fileLength, cancellationToken).ConfigureAwait(false);

        var primary = descriptors.FirstOrDefault(d => d.DataType == SifLayout.DataPartition && d.ExtraInt32(4) == SifLayout.PartitionPrimarySystem);
        var fileSystem = primary is null ? (SifFileSystemType?)null : (SifFileSystemType)primary.ExtraInt32(0);
        var definition = await ReadTextAsync(image, descriptors, SifLayout.DataDefinitionFile, "definition file", cancellationToken).ConfigureAwait(false);
        var labels = await ReadTextAsync(image, descriptors, SifLayout.DataLabels, "labels", cancellationToken).ConfigureAwait(false);

        return new SifMetadata
        {
            Version = header.Version,
            ImageId = header.ImageId,
            CreatedAt = header.CreatedAt,
            Architecture = primary is null ? header.Architecture : SifArchitecture.ToGoName(primary.ExtraBytes(8, 3)),
            FileSystem = fileSystem,
            PartitionSize = primary?.Size,
            DefinitionFile = definition,
            RunScript = definition is null ? null : DefinitionFileSection.Find(definition, "runscript"),
            Environment = await ReadTextAsync(image, descriptors, SifLayout.DataEnvironment, "environment", cancellationToken).ConfigureAwait(false),
            Labels = labels is null ? new Dictionary<string, string>() : ParseLabels(labels),
            Signatures = descriptors.Where(d => d.DataType == SifLayout.DataSignature).Select(ToSignature).ToList(),
            IsEncrypted = fileSystem == SifFileSystemType.EncryptedSquashfs
                || descriptors.Any(d => d.DataType == SifLayout.DataCryptoMessage && d.ExtraInt32(4) != SifLayout.MessageClearSignature),
        };
    }

    private static async Task<List<SifDescriptor>> ReadDescriptorsAsync(Stream image, SifHeader header, long fileLength, CancellationToken cancellationToken)
    {
        var tableSize = header.DescriptorCount * SifLayout.DescriptorSize;
        var table = ArrayPool<byte>.Shared.Rent(tableSize);
        try
        {
            await ReadAtAsync(image, header.DescriptorsOffset, table.AsMemory(0, tableSize), cancellationToken).ConfigureAwait(false);
            var descriptors = new List<SifDescriptor>();
            for (var i = 0; i < header.DescriptorCount; i++)
            {
                var descriptor = SifDescriptor.Parse(table.AsSpan(i * SifLayout.DescriptorSize, SifLayout.DescriptorSize), fileLength);
                if (descriptor is not null) descriptors.Add(descriptor);
            }
            return descriptors;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(table);
        }
    }

    private static async Task<string?> ReadTextAsync(Stream image, List<SifDescriptor> descriptors, int dataType, string what, CancellationToken cancellationToken)
    {
        var descriptor = descriptors.FirstOrDefault(d => d.DataType == dataType);
        if (descriptor is null) return null;
        if (descriptor.Size > SifLayout.MaxTextObjectSize)
            throw new SifFormatException(
                $"The {what} object (id {descriptor.Id}) is {descriptor.Size} bytes; this reader accepts text objects of at most {SifLayout.MaxTextObjectSize / (1 << 20)} MiB.");
        var bytes = new byte[descriptor.Size];
        await ReadAtAsync(image, descriptor.Offset, bytes, cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(bytes).TrimEnd('\0');
    }

    private static Dictionary<string, string> ParseLabels(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new SifFormatException($"The labels object is JSON {document.RootElement.ValueKind}, not a JSON object.");
            var labels = new Dictionary<string, string>();
            // Indexing rather than Add: a repeated name keeps its last value, as Go's JSON decoder does.
            foreach (var label in document.RootElement.EnumerateObject())
                labels[label.Name] = label.Value.ValueKind == JsonValueKind.String ? label.Value.GetString()! : label.Value.GetRawText();
            return labels;
        }
        catch (JsonException e)
        {
            throw new SifFormatException($"The labels object is not valid JSON: {e.Message}", e);
        }
    }

    private static SifSignature ToSignature(SifDescriptor descriptor)
    {
        var fingerprint = descriptor.ExtraBytes(4, SifLayout.FingerprintSize);
        return new SifSignature(
            descriptor.Id,
            (SifHashType)descriptor.ExtraInt32(0),
            fingerprint.ContainsAnyExcept((byte)0) ? Convert.ToHexString(fingerprint) : null,
            descriptor.LinkedId & ~SifLayout.GroupMask,
            (descriptor.LinkedId & SifLayout.GroupMask) == SifLayout.GroupMask);
    }

    private static async Task ReadAtAsync(Stream image, long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            image.Position = offset;
            await image.ReadExactlyAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException e)
        {
            throw new SifFormatException($"Truncated SIF image: the stream ended while reading {buffer.Length} bytes at offset {offset}.", e);
        }
    }
}
