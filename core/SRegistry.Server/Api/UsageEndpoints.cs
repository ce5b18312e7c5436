using SRegistry.Core.Usage;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>/api/v1/usage</c>: bytes stored per collection and per owner, over what the caller may see.</summary>
public static class UsageEndpoints
{
    public static RouteGroupBuilder MapApiUsage(this RouteGroupBuilder api)
    {
        api.MapGet("/usage", async (HttpContext context, UsageReport report) => Results.Json(ApiUsage.From(await report.GetAsync(context.Caller(), context.RequestAborted))))
            .WithTags("Usage").WithSummary("Bytes stored per collection and per user or team; the registry total for administrators").Produces<ApiUsage>();
        return api;
    }
}
