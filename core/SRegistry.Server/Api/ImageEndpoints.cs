using SRegistry.Core.Catalog;
using SRegistry.Core.Names;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>/api/v1/images/{id}</c>: read and delete images, their definition file and labels.</summary>
public static class ImageEndpoints
{
    public static RouteGroupBuilder MapApiImages(this RouteGroupBuilder api)
    {
        var images = api.MapGroup("/images/{id:long}").WithTags("Images");
        images.MapGet("", async (HttpContext context, long id, ImageCatalog catalog) =>
            ApiResults.From(await catalog.GetImageByIdAsync(id, context.Caller(), context.RequestAborted), context.Caller(), ApiImage.From))
            .WithSummary("Get an image with its tags and labels").Produces<ApiImage>();

        images.MapGet("/definition-file", async (HttpContext context, long id, ImageCatalog catalog) =>
            ApiResults.From(await catalog.GetImageByIdAsync(id, context.Caller(), context.RequestAborted), context.Caller(), i => new ApiDefinitionFile(i.Id, i.DefinitionFile)))
            .WithSummary("Get the definition file the image was built from").Produces<ApiDefinitionFile>();

        images.MapDelete("", async (HttpContext context, long id, ImageCatalog catalog) =>
        {
            var caller = context.Caller();
            var image = await catalog.GetImageByIdAsync(id, caller, context.RequestAborted);
            if (!image.Succeeded) return ApiResults.Failure(image.Error, image.Message, caller);
            var c = image.Value.Container;
            var reference = ImageReference.TryParse($"{c.Collection.Entity.Name}/{c.Collection.Name}/{c.Name}@sha256:{image.Value.Digest}", out var parsed, out _)
                ? parsed : throw new InvalidOperationException($"Image {id} has a stored name that does not parse.");
            return ApiResults.NoContent(await catalog.DeleteImageAsync(reference, image.Value.Arch, caller, context.RequestAborted), caller);
        }).WithSummary("Delete an image with its tags (owners; refused while its container is frozen)").Produces(StatusCodes.Status204NoContent);

        images.MapPut("/labels/{key}", async (HttpContext context, long id, string key, SetLabelRequest body, LabelCatalog labels) =>
            ApiResults.From(await labels.SetAsync(id, key, body.Value, context.Caller(), context.RequestAborted), context.Caller(),
                l => new Dictionary<string, string> { [l.Key] = l.Value }))
            .WithSummary("Set a label (owners and contributors)").Produces<Dictionary<string, string>>();

        images.MapDelete("/labels/{key}", async (HttpContext context, long id, string key, LabelCatalog labels) =>
            ApiResults.NoContent(await labels.RemoveAsync(id, key, context.Caller(), context.RequestAborted), context.Caller()))
            .WithSummary("Remove a label (owners and contributors)").Produces(StatusCodes.Status204NoContent);
        return api;
    }
}
