using SRegistry.Core.Quotas;
using SRegistry.Core.Usage;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>/api/v1/quotas</c>: the caller's storage quotas (their own and their teams'); administrators set any account's.</summary>
public static class QuotaEndpoints
{
    public static RouteGroupBuilder MapApiQuotas(this RouteGroupBuilder api)
    {
        api.MapGet("/quotas", async (HttpContext context, QuotaService quotas) =>
        {
            var caller = context.Caller();
            if (caller.UserId is not { } userId) return ApiResults.Unauthenticated();
            var mine = new List<ApiQuota> { ApiQuota.From(await quotas.GetAsync(OwnerKind.User, userId, context.RequestAborted)) };
            foreach (var team in caller.TeamIds)
                mine.Add(ApiQuota.From(await quotas.GetAsync(OwnerKind.Team, team, context.RequestAborted)));
            return Results.Json(mine);
        }).WithTags("Quotas").WithSummary("Storage used and allowed for the signed-in user and each of their teams").Produces<List<ApiQuota>>();

        api.MapPut("/quotas/{kind}/{name}", async (HttpContext context, string kind, string name, SetQuotaRequest body, QuotaService quotas) =>
        {
            var caller = context.Caller();
            if (caller.IsAnonymous) return ApiResults.Unauthenticated();
            if (!caller.IsAdmin) return ApiResults.Problem(StatusCodes.Status403Forbidden, "forbidden", "Only administrators set quotas.");
            OwnerKind? owner = kind switch { "users" => OwnerKind.User, "teams" => OwnerKind.Team, _ => null };
            if (owner is null) return ApiResults.Problem(StatusCodes.Status404NotFound, "not_found", $"'{kind}' is neither 'users' nor 'teams'.");
            if (body.LimitBytes is < 0) return ApiResults.Problem(StatusCodes.Status400BadRequest, "invalid_quota", "'limitBytes' must be a number of bytes (0 or more), or null for the default.");
            if (!await quotas.SetAsync(owner.Value, name, body.LimitBytes, context.RequestAborted) || await quotas.FindAsync(owner.Value, name, context.RequestAborted) is not { } id)
                return ApiResults.Problem(StatusCodes.Status404NotFound, "not_found", $"There is no {kind[..^1]} named '{name}'.");
            return Results.Json(ApiQuota.From(await quotas.GetAsync(owner.Value, id, context.RequestAborted)));
        }).WithTags("Quotas").WithSummary("Set a user's or team's own storage limit (administrators); null returns it to the default").Produces<ApiQuota>();
        return api;
    }
}
