using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>/api/v1/collections/{entity}/{collection}/members</c>: users and teams with a role on a collection.</summary>
public static class CollectionMemberEndpoints
{
    public static RouteGroupBuilder MapApiCollectionMembers(this RouteGroupBuilder api)
    {
        var members = api.MapGroup(CollectionEndpoints.Path + "/members").WithTags("Collections");
        members.MapGet("", async (HttpContext context, string entity, string collection, CollectionCatalog catalog, CollectionSettings settings) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            return ApiResults.From(await settings.ListMembersAsync(found.Value.Id, caller, context.RequestAborted), caller, list => list.Select(ApiMember.From).ToList());
        }).WithSummary("List a collection's members").Produces<List<ApiMember>>();

        members.MapPut("/{kind}/{name}", async (HttpContext context, string entity, string collection, string kind, string name, SetMemberRequest body, CollectionCatalog catalog, CollectionSettings settings) =>
        {
            var caller = context.Caller();
            if (!TryKind(kind, out var memberKind)) return ApiResults.Invalid($"The member kind '{kind}' is not known; use 'users' or 'teams'.");
            if (!ApiEnum.TryParse<CollectionRole>(body.Role, out var role))
                return ApiResults.Invalid($"The role '{body.Role}' is not known; use 'owner' or 'contributor'.");
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            return ApiResults.From(await settings.SetMemberAsync(found.Value.Id, memberKind, name, role, caller, context.RequestAborted), caller, ApiMember.From);
        }).WithSummary("Make a user or team an owner or contributor (owners)").Produces<ApiMember>();

        members.MapDelete("/{kind}/{name}", async (HttpContext context, string entity, string collection, string kind, string name, CollectionCatalog catalog, CollectionSettings settings) =>
        {
            var caller = context.Caller();
            if (!TryKind(kind, out var memberKind)) return ApiResults.Invalid($"The member kind '{kind}' is not known; use 'users' or 'teams'.");
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            return ApiResults.NoContent(await settings.RemoveMemberAsync(found.Value.Id, memberKind, name, caller, context.RequestAborted), caller);
        }).WithSummary("Remove a user or team from a collection (owners)").Produces(StatusCodes.Status204NoContent);
        return api;
    }

    private static bool TryKind(string kind, out MemberKind memberKind)
    {
        memberKind = kind == "teams" ? MemberKind.Team : MemberKind.User;
        return kind is "users" or "teams";
    }
}
