using Microsoft.EntityFrameworkCore;
using SRegistry.Core;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;
using SRegistry.Core.Uploads;

namespace SRegistry.Server.Uploads;

/// <summary>
/// Turns a spooled file into a tagged image of a container: the image row for its sha256, the bytes
/// through the ordinary upload path (verified, SIF checked, metadata recorded), then the tag. Shared by
/// the doors whose clients send a whole file in one request without naming its hash first.
/// </summary>
public sealed class SpooledPush(RegistryDbContext db, ImageCatalog images, TagCatalog tags, ImageUploadService uploads)
{
    /// <summary>The tagged image; refusals (not a SIF, frozen, no rights) leave no image behind.</summary>
    public async Task<RegistryResult<Image>> PublishAsync(Container container, UploadSpool spool, string tag, Caller caller, CancellationToken cancellationToken)
    {
        var image = await images.CreateImageAsync(container.Id, spool.Digest.ToString(), null, caller, cancellationToken);
        if (!image.Succeeded) return image;
        var imageId = image.Value.Id;
        if (!image.Value.Uploaded)
        {
            // A filesystem store takes the spooled file itself: the bytes are written to disk once and read never.
            var received = await uploads.ReceiveFileAsync(imageId, spool.Path, spool.Size, spool.Digest, caller, cancellationToken);
            if (!received.Succeeded)
            {
                // The image row was made for these bytes; without them it is a leftover, not a pending upload.
                await db.Images.Where(i => i.Id == imageId && !i.Uploaded).ExecuteDeleteAsync(CancellationToken.None);
                return received;
            }
        }

        var tagged = await tags.SetTagAsync(container.Id, null, tag, imageId, caller, cancellationToken);
        return tagged.Succeeded ? image : RegistryResult<Image>.Failure(tagged.Error, tagged.Message);
    }
}
