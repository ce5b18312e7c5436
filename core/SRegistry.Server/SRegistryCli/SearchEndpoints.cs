using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Domain;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// <c>sregistry search</c> and <c>sregistry labels</c>: collections (paged), one collection, containers by
/// name (and collection, tag), and labels. Unsigned, as the client sends them: public collections only.
/// A request may carry a <c>pull</c> signature over the collection, name and tag it names (empty strings
/// for parts it does not name; labels sign key as name and value as tag); then it also finds what that user may see.
/// </summary>
public static class SearchEndpoints
{
    // sregistry-cli's _paginate_get re-requests its first URL for as long as "next" is set, so any second
    // page would loop it forever: pages are large enough that a registry rarely has a second one.
    private const int PageSize = 1000;

    public static IEndpointRouteBuilder MapSRegistryCliSearch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/collections/", async (HttpContext context, CliQueries queries, HmacAuthenticator hmac, int? page) =>
        {
            var auth = await SignerAsync(context, hmac, "", "", "");
            if (auth.Refusal is { } refusal) return SRegistryCliResults.Message(StatusCodes.Status403Forbidden, refusal);
            var caller = auth.Caller;
            var number = Math.Max(page ?? 1, 1);
            var all = queries.Collections(caller);
            var count = await all.CountAsync(context.RequestAborted);
            var collections = await all.Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(context.RequestAborted);
            var ids = collections.Select(c => c.Id).ToList();
            var images = await queries.TaggedImages(caller).Where(i => ids.Contains(i.Container.CollectionId)).Take(CliQueries.Limit).ToListAsync(context.RequestAborted);
            var results = collections.Select(c => CollectionView(context.Request, c, images.Where(i => i.Container.CollectionId == c.Id))).ToList();
            var url = $"{context.Request.Scheme}://{context.Request.Host}/api/collections/?page=";
            return SRegistryCliResults.Ok(new
            {
                count,
                next = number * PageSize < count ? url + (number + 1) : null,
                previous = number > 1 ? url + (number - 1) : null,
                results,
            });
        });

        endpoints.MapGet("/api/collection/{name}", async (HttpContext context, string name, CliQueries queries, HmacAuthenticator hmac) =>
        {
            var auth = await SignerAsync(context, hmac, name, "", "");
            if (auth.Refusal is { } refusal) return SRegistryCliResults.Message(StatusCodes.Status403Forbidden, refusal);
            var caller = auth.Caller;
            var collection = await queries.Collections(caller).SingleOrDefaultAsync(c => c.Name == name.ToLowerInvariant(), context.RequestAborted);
            return collection is null
                ? SRegistryCliResults.Message(StatusCodes.Status404NotFound, $"There is no collection '{name}'.")
                : SRegistryCliResults.Ok(CollectionView(context.Request, collection,
                    await queries.TaggedImages(caller).Where(i => i.Container.CollectionId == collection.Id).Take(CliQueries.Limit).ToListAsync(context.RequestAborted)));
        });

        endpoints.MapGet("/api/container/search/name/{name}", (HttpContext context, string name, CliQueries queries, HmacAuthenticator hmac) =>
            SearchAsync(context, queries, hmac, null, name, null));
        endpoints.MapGet("/api/container/search/name/{name}/tag/{tag}", (HttpContext context, string name, string tag, CliQueries queries, HmacAuthenticator hmac) =>
            SearchAsync(context, queries, hmac, null, name, tag));
        endpoints.MapGet("/api/container/search/collection/{collection}/name/{name}",
            (HttpContext context, string collection, string name, CliQueries queries, HmacAuthenticator hmac) => SearchAsync(context, queries, hmac, collection, name, null));
        endpoints.MapGet("/api/container/search/collection/{collection}/name/{name}/tag/{tag}",
            (HttpContext context, string collection, string name, string tag, CliQueries queries, HmacAuthenticator hmac) => SearchAsync(context, queries, hmac, collection, name, tag));

        endpoints.MapGet("/api/labels/search", (HttpContext context, CliQueries queries, HmacAuthenticator hmac) => LabelsAsync(context, queries, hmac, null, null));
        endpoints.MapGet("/api/labels/search/{key}/key", (HttpContext context, string key, CliQueries queries, HmacAuthenticator hmac) =>
            LabelsAsync(context, queries, hmac, key, null));
        endpoints.MapGet("/api/labels/search/{value}/value", (HttpContext context, string value, CliQueries queries, HmacAuthenticator hmac) =>
            LabelsAsync(context, queries, hmac, null, value));
        endpoints.MapGet("/api/labels/search/{key}/key/{value}/value", (HttpContext context, string key, string value, CliQueries queries, HmacAuthenticator hmac) =>
            LabelsAsync(context, queries, hmac, key, value));
        return endpoints;
    }

    // The client sends searches unsigned; a signature, when present, must be a valid pull signature.
    private static Task<HmacOutcome> SignerAsync(HttpContext context, HmacAuthenticator hmac, string collection, string name, string tag) =>
        hmac.AuthenticateAsync(context.Request.Headers.Authorization, "pull", collection, name, tag, context.RequestAborted);

    private static async Task<IResult> SearchAsync(HttpContext context, CliQueries queries, HmacAuthenticator hmac, string? collection, string name, string? tag)
    {
        var auth = await SignerAsync(context, hmac, collection ?? "", name, tag ?? "");
        if (auth.Refusal is { } refusal) return SRegistryCliResults.Message(StatusCodes.Status403Forbidden, refusal);
        var images = queries.TaggedImages(auth.Caller).Where(i => i.Container.Name.Contains(name.ToLowerInvariant()));
        if (collection is not null)
            images = images.Where(i => i.Container.Collection.Name == collection.ToLowerInvariant());
        if (tag is not null)
            images = images.Where(i => i.Tags.Any(t => t.Name == tag));
        var found = await images.Take(CliQueries.Limit).ToListAsync(context.RequestAborted);
        var results = found.SelectMany(i => ContainerView.TagsOf(i).Where(t => tag is null || t == tag).Select(t => ContainerView.Search(i, t)));
        return SRegistryCliResults.Ok(results.ToList());
    }

    private static async Task<IResult> LabelsAsync(HttpContext context, CliQueries queries, HmacAuthenticator hmac, string? key, string? value)
    {
        var auth = await SignerAsync(context, hmac, "", key ?? "", value ?? "");
        if (auth.Refusal is { } refusal) return SRegistryCliResults.Message(StatusCodes.Status403Forbidden, refusal);
        var labels = await queries.LabelsAsync(auth.Caller, key?.ToLowerInvariant(), value?.ToLowerInvariant(), context.RequestAborted);
        var results = labels
            .GroupBy(l => (l.Key, l.Value))
            .Select(g => new
            {
                key = g.Key.Key,
                value = g.Key.Value,
                containers = g.SelectMany(l => ContainerView.TagsOf(l.Image).Select(t => ContainerView.Uri(l.Image, t))).Distinct().Order(StringComparer.Ordinal).ToList(),
            });
        return SRegistryCliResults.Ok(results.ToList());
    }

    private static object CollectionView(HttpRequest request, Collection collection, IEnumerable<Image> images)
    {
        var baseUrl = $"{request.Scheme}://{request.Host}/api/container/";
        return new
        {
            id = collection.Id,
            name = collection.Name,
            add_date = collection.CreatedAt,
            modify_date = collection.UpdatedAt,
            metadata = new { description = collection.Description, @private = collection.IsPrivate },
            containers = images.SelectMany(i => ContainerView.TagsOf(i).Select(t => new
            {
                name = i.Container.Name,
                tag = t,
                uri = ContainerView.Uri(i, t),
                detail = baseUrl + ContainerView.Uri(i, t),
            })).ToList(),
        };
    }
}
