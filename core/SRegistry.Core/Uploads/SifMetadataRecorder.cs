using SRegistry.Abstractions.Storage;
using SRegistry.Core.Domain;
using SRegistry.Core.Images;
using SRegistry.Core.Sif;

namespace SRegistry.Core.Uploads;

/// <summary>
/// Copies what a stored SIF image says about itself onto its <see cref="Image"/> row: architecture,
/// definition file, signatures, encryption and labels. The library door only takes SIF images, so
/// bytes that are not one are refused here.
/// </summary>
public sealed class SifMetadataRecorder(ImageStore store)
{
    /// <summary>
    /// Reads the blob that was just <paramref name="stored"/> for <paramref name="image"/> (whose
    /// <see cref="Image.Labels"/> must be loaded) and sets the image's metadata without saving. Refuses,
    /// changing nothing, when the blob is not a SIF image (<see cref="RegistryError.InvalidContent"/>) or
    /// its primary partition's architecture differs from the one the image was created with
    /// (<see cref="RegistryError.Conflict"/>).
    /// </summary>
    public async Task<RegistryResult<Image>> ApplyAsync(Image image, BlobPutResult stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(stored);
        var digest = stored.Digest;
        Stream readable = await store.OpenReadAsync(digest, 0, null, cancellationToken)
            ?? throw new InvalidOperationException($"Blob {digest} was stored a moment ago but cannot be opened.");
        if (!readable.CanSeek)
        {
            await readable.DisposeAsync();
            readable = new RangeReadStream(OpenAtAsync, stored.Size);
        }

        SifMetadata sif;
        await using (readable)
        {
            try
            {
                sif = await SifReader.ReadAsync(readable, cancellationToken);
            }
            catch (SifFormatException e)
            {
                return RegistryResult<Image>.Failure(RegistryError.InvalidContent,
                    $"The library API accepts SIF images only, and the uploaded file is not one: {e.Message}");
            }
        }

        if (!string.IsNullOrEmpty(image.Arch) && sif.Architecture is { } sifArch && sifArch != image.Arch)
            return RegistryResult<Image>.Failure(RegistryError.Conflict,
                $"The image was created for architecture '{image.Arch}' but the uploaded SIF file is built for '{sifArch}'; push it with --arch {sifArch}.");

        if (string.IsNullOrEmpty(image.Arch) && sif.Architecture is not null)
            image.Arch = sif.Architecture;
        image.DefinitionFile = sif.DefinitionFile is null ? null : Text(sif.DefinitionFile);
        image.Signed = sif.IsSigned;
        image.Fingerprints = [.. sif.Signatures.Select(s => s.Fingerprint).OfType<string>().Distinct()];
        image.Encrypted = sif.IsEncrypted;
        ReplaceLabels(image, sif.Labels);
        return RegistryResult<Image>.Success(image);

        async Task<Stream> OpenAtAsync(long offset, CancellationToken ct) =>
            await store.OpenReadAsync(digest, offset, null, ct)
            ?? throw new InvalidOperationException($"Blob {digest} disappeared while its SIF metadata was read.");
    }

    // Updates labels in place rather than deleting and re-adding them, so the unique (image, key)
    // index never sees a new row before the old one is gone.
    private static void ReplaceLabels(Image image, IReadOnlyDictionary<string, string> labels)
    {
        var wanted = new Dictionary<string, string>();
        foreach (var (key, value) in labels)
            wanted[Text(key)] = Text(value);
        image.Labels.RemoveAll(l => !wanted.ContainsKey(l.Key));
        foreach (var (key, value) in wanted)
        {
            var existing = image.Labels.Find(l => l.Key == key);
            if (existing is null)
                image.Labels.Add(new Label { Key = key, Value = value });
            else
                existing.Value = value;
        }
    }

    // PostgreSQL text cannot hold NUL characters, which a crafted SIF file could carry.
    private static string Text(string value) => value.Replace("\0", "", StringComparison.Ordinal);
}
