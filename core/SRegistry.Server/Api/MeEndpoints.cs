using SRegistry.Core.Accounts;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>/api/v1/me</c>: who the token belongs to.</summary>
public static class MeEndpoints
{
    public static RouteGroupBuilder MapApiMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (HttpContext context, AccountService accounts) =>
        {
            var caller = context.Caller();
            if (caller.UserName is null || await accounts.GetUserAsync(caller.UserName, context.RequestAborted) is not { } user)
                return ApiResults.Unauthenticated();
            return Results.Json(ApiUser.From(user, caller.Scopes));
        }).WithSummary("The signed-in user and the scopes of the token in use").Produces<ApiUser>();
        return api;
    }
}
