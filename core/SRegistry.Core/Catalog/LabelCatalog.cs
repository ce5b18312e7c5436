using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Names;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Catalog;

/// <summary>Key/value labels of an image, set by those who may push to its collection.</summary>
public sealed class LabelCatalog(RegistryDbContext db, AuditLog audit)
{
    /// <summary>The longest label key.</summary>
    public const int MaxKeyLength = 255;

    /// <summary>The longest label value.</summary>
    public const int MaxValueLength = 4096;

    /// <summary>Sets a label, replacing the value of an existing key.</summary>
    public async Task<RegistryResult<Label>> SetAsync(long imageId, string key, string value, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!TryValidate(key, value, out var error))
            return RegistryResult<Label>.Failure(RegistryError.InvalidName, error);
        var image = await PushableImageAsync(imageId, caller, cancellationToken);
        if (!image.Succeeded)
            return RegistryResult<Label>.Failure(image.Error, image.Message);

        var label = await db.Labels.SingleOrDefaultAsync(l => l.ImageId == imageId && l.Key == key, cancellationToken);
        if (label?.Value == value)
            return RegistryResult<Label>.Success(label);
        if (label is null)
        {
            label = new Label { ImageId = imageId, Key = key, Value = value };
            db.Labels.Add(label);
        }

        label.Value = value;
        audit.Record(caller.Actor, CatalogAuditActions.LabelSet, CatalogText.ImageTarget(image.Value.Container, image.Value), new { key });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SaveConflicts.IsUniqueViolation(e))
        {
            SaveConflicts.DiscardAdded(db);
            return RegistryResult<Label>.Failure(RegistryError.Conflict, $"The label '{key}' was set by another request at the same time; try again.");
        }

        return RegistryResult<Label>.Success(label);
    }

    /// <summary>Removes a label.</summary>
    public async Task<RegistryResult<Label>> RemoveAsync(long imageId, string key, Caller caller, CancellationToken cancellationToken = default)
    {
        var image = await PushableImageAsync(imageId, caller, cancellationToken);
        if (!image.Succeeded)
            return RegistryResult<Label>.Failure(image.Error, image.Message);
        var label = await db.Labels.SingleOrDefaultAsync(l => l.ImageId == imageId && l.Key == key, cancellationToken);
        if (label is null)
            return RegistryResult<Label>.Failure(RegistryError.NotFound, $"Image {imageId} has no label '{NameValidation.Shown(key)}'.");

        db.Labels.Remove(label);
        audit.Record(caller.Actor, CatalogAuditActions.LabelRemove, CatalogText.ImageTarget(image.Value.Container, image.Value), new { key });
        await db.SaveChangesAsync(cancellationToken);
        return RegistryResult<Label>.Success(label);
    }

    private async Task<RegistryResult<Image>> PushableImageAsync(long imageId, Caller caller, CancellationToken cancellationToken)
    {
        var image = await db.VisibleImages(caller).AsNoTracking()
            .Include(i => i.Container).ThenInclude(c => c.Collection).ThenInclude(c => c.Entity)
            .SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
        if (image is null)
            return RegistryResult<Image>.Failure(RegistryError.NotFound, $"There is no image with id {imageId}.");
        if (!await db.IsAllowedAsync(image.Container.CollectionId, AccessPolicy.CanPush(caller), cancellationToken))
            return RegistryResult<Image>.Failure(RegistryError.Forbidden,
                $"You may not label image {imageId}: only its collection's owners, contributors and administrators may, with a token that allows push.");
        if (image.Container.IsFrozen)
            return RegistryResult<Image>.Failure(RegistryError.Frozen, $"The container '{CatalogText.Path(image.Container)}' is frozen (read-only): its labels cannot change.");
        return RegistryResult<Image>.Success(image);
    }

    private static bool TryValidate(string? key, string? value, out string error)
    {
        error = key is null || key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl)
            ? $"A label key must be 1 to {MaxKeyLength} characters without control characters; '{NameValidation.Shown(key ?? "")}' is not."
            : value is null || value.Length > MaxValueLength || value.Any(c => char.IsControl(c) && c is not ('\n' or '\t'))
                ? $"A label value must be at most {MaxValueLength} characters without control characters other than newline and tab."
                : "";
        return error.Length == 0;
    }
}
