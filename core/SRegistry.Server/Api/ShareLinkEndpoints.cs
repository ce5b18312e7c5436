using SRegistry.Core.Sharing;
using SRegistry.Server.Api.Models;
using SRegistry.Server.Sharing;

namespace SRegistry.Server.Api;

/// <summary>Share links of an image: create (the URL is shown once), list and revoke. Owners only.</summary>
public static class ShareLinkEndpoints
{
    public static RouteGroupBuilder MapApiShareLinks(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/images/{id:long}/share-links").WithTags("Share links");
        links.MapGet("", async (HttpContext context, long id, ShareLinkService sharing) =>
            ApiResults.From(await sharing.ListAsync(id, context.Caller(), context.RequestAborted), context.Caller(), l => l.Select(ApiShareLink.From).ToList()))
            .WithSummary("List an image's share links, expired and revoked ones included").Produces<List<ApiShareLink>>();

        links.MapPost("", async (HttpContext context, long id, CreateShareLinkRequest body, ShareLinkService sharing) =>
        {
            if (body.LifetimeSeconds is < 1 or > int.MaxValue)
                return ApiResults.Invalid($"lifetimeSeconds {body.LifetimeSeconds} is out of range.");
            var created = await sharing.CreateAsync(id, TimeSpan.FromSeconds(body.LifetimeSeconds), context.Caller(), context.RequestAborted);
            return ApiResults.From(created, context.Caller(),
                c => new ApiCreatedShareLink(ApiShareLink.From(c.Link), ShareDownloadEndpoints.Url(context.Request, c.Secret)), StatusCodes.Status201Created);
        }).WithSummary("Create a link that downloads the image without signing in until it expires").Produces<ApiCreatedShareLink>(StatusCodes.Status201Created);

        api.MapDelete("/share-links/{linkId:long}", async (HttpContext context, long linkId, ShareLinkService sharing) =>
            ApiResults.NoContent(await sharing.RevokeAsync(linkId, context.Caller(), context.RequestAborted), context.Caller()))
            .WithTags("Share links").WithSummary("Revoke a share link at once").Produces(StatusCodes.Status204NoContent);
        return api;
    }
}
