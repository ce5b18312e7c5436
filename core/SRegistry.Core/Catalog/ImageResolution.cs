using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>
/// Finds the image an <see cref="ImageReference"/> and an architecture name, inside one container the
/// caller may see. Tags are only ever looked up in that container.
/// </summary>
internal static class ImageResolution
{
    /// <summary>The architecture assumed when a request names none and there is a choice.</summary>
    public const string DefaultArch = "amd64";

    /// <summary>
    /// Resolves the reference. With an architecture, the image of the tag (or digest) for it. Without one,
    /// the tag's (or digest's) only image, or the <see cref="DefaultArch"/> one when there are several;
    /// several without an amd64 one is not found, with a message listing the architectures there are.
    /// </summary>
    /// <returns>The image with its container, collection and entity, and its tags.</returns>
    public static async Task<RegistryResult<Image>> ResolveImageAsync(
        this RegistryDbContext db, ImageReference reference, string? arch, Caller caller, bool track, CancellationToken cancellationToken)
    {
        arch = string.IsNullOrEmpty(arch) ? null : arch;
        if (arch is not null && !NameValidation.TryValidateArch(arch, out var error))
            return RegistryResult<Image>.Failure(RegistryError.InvalidName, error);

        var containerId = await db.VisibleContainers(caller)
            .Where(c => c.Name == reference.Container && c.Collection.Name == reference.Collection && c.Collection.Entity.Name == reference.Entity)
            .Select(c => (long?)c.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (containerId is null)
            return NotFound($"There is no container '{reference.Entity}/{reference.Collection}/{reference.Container}'.");

        var candidates = reference.Digest is { } digest
            ? db.Images.Where(i => i.ContainerId == containerId && i.Digest == digest.Hex).Select(i => new { i.Id, i.Arch })
            : db.Tags.Where(t => t.ContainerId == containerId && t.Name == reference.Tag).Select(t => new { Id = t.ImageId, t.Arch });
        if (arch is not null)
            candidates = candidates.Where(c => c.Arch == arch);
        var found = await candidates.OrderBy(c => c.Arch).ToListAsync(cancellationToken);

        var chosen = found.Count == 1 ? found[0] : found.FirstOrDefault(c => c.Arch == DefaultArch);
        if (chosen is null)
            return found.Count == 0
                ? NotFound($"There is no image '{reference}'{(arch is null ? "" : $" for {arch}")}.")
                : NotFound($"'{reference}' has images for {string.Join(", ", found.Select(c => c.Arch))} but none for {DefaultArch}; name an architecture.");

        IQueryable<Image> images = db.Images.Include(i => i.Container).ThenInclude(c => c.Collection).ThenInclude(c => c.Entity).Include(i => i.Tags);
        var image = await (track ? images : images.AsNoTracking()).SingleOrDefaultAsync(i => i.Id == chosen.Id, cancellationToken);

        // Deleted between the two queries: the same answer as if it had gone a moment earlier.
        return image is null ? NotFound($"There is no image '{reference}'.") : RegistryResult<Image>.Success(image);
    }

    private static RegistryResult<Image> NotFound(string message) => RegistryResult<Image>.Failure(RegistryError.NotFound, message);
}
