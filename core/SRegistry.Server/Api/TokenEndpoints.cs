using SRegistry.Core.Accounts;
using SRegistry.Core.Catalog;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>/api/v1/tokens</c>: the signed-in user's API tokens.</summary>
public static class TokenEndpoints
{
    public static RouteGroupBuilder MapApiTokens(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("", async (HttpContext context, ApiTokenService service) =>
        {
            var caller = context.Caller();
            if (caller.UserName is null) return ApiResults.Unauthenticated();
            return ApiResults.From(await service.ListAsync(caller.UserName, context.RequestAborted), caller, list => list.Select(ApiTokenInfo.From).ToList());
        }).WithSummary("List your tokens, revoked and expired ones included; secrets are never shown again").Produces<List<ApiTokenInfo>>();

        tokens.MapPost("", async (HttpContext context, CreateTokenRequest body, ApiTokenService service) =>
        {
            var caller = context.Caller();
            if (caller.UserName is null) return ApiResults.Unauthenticated();
            if (caller.IsRobot)
                return ApiResults.Problem(StatusCodes.Status403Forbidden, "forbidden", "A robot account has only the token it was made with; its owners make a new robot for another.");
            var scopes = body.Scopes ?? [];
            if (!MayGrant(caller, scopes))
                return ApiResults.Problem(StatusCodes.Status403Forbidden, "forbidden",
                    $"The token in use allows only {string.Join(", ", caller.Scopes)}; a token it creates cannot allow more. List those scopes or fewer.");
            var created = await service.CreateAsync(caller.UserName, body.Name, scopes, body.ExpiresAt, caller.Actor, context.RequestAborted);
            return ApiResults.From(created, caller, c => new ApiCreatedToken(ApiTokenInfo.From(c.Token), c.Secret), StatusCodes.Status201Created);
        }).WithSummary("Create a token; its secret is in this answer only").Produces<ApiCreatedToken>(StatusCodes.Status201Created);

        tokens.MapDelete("/{id:long}", async (HttpContext context, long id, ApiTokenService service) =>
        {
            var caller = context.Caller();
            if (caller.UserName is null) return ApiResults.Unauthenticated();
            // By name, which is unique per user: the service reads a bare number as a name first.
            var mine = await service.ListAsync(caller.UserName, context.RequestAborted);
            if (mine.Value?.FirstOrDefault(t => t.Id == id) is not { } token)
                return ApiResults.Problem(StatusCodes.Status404NotFound, "not_found", $"You have no token with id {id}.");
            return ApiResults.NoContent(await service.RevokeAsync(caller.UserName, token.Name, caller.Actor, context.RequestAborted), caller);
        }).WithSummary("Revoke one of your tokens").Produces(StatusCodes.Status204NoContent);
        return api;
    }

    // A scoped token must not mint a broader one: a leaked pull token would otherwise be a full token.
    private static bool MayGrant(Caller caller, IReadOnlyList<string> requested) =>
        requested.Count == 0
            ? caller.Scopes.Count == 0 || caller.Allows(TokenScopes.Admin)
            : requested.All(s => caller.Allows(s.Trim().ToLowerInvariant()));
}
