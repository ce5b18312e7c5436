using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using SRegistry.Core.RateLimiting;
using SRegistry.Server.Oci;
using SRegistry.Server.Operations.Metrics;

namespace SRegistry.Server.Operations.RateLimiting;

/// <summary>
/// Counts each request against its client, a signed-in user (whatever API token, OCI token or session they use) or
/// else the client's address, in the database's shared counters; past the window's limit the answer
/// is 429 with <c>Retry-After</c> (seconds until the window ends) in the door's error format.
/// Exempt networks, health checks and <c>/metrics</c> are never counted.
/// </summary>
public sealed class RateLimitMiddleware(
    RequestDelegate next, IOptions<RateLimitOptions> options, ClientAddresses clients, RegistryMetrics metrics, TimeProvider time)
{
    private readonly RateLimitOptions _options = options.Value;
    private readonly NetworkList _exempt = NetworkList.Parse(options.Value.ExemptNetworks, "RateLimits:ExemptNetworks").List
        ?? throw new InvalidOperationException("RateLimits:ExemptNetworks was not validated at start.");

    public async Task InvokeAsync(HttpContext context, RateLimitCounters counters, OciTokens ociTokens)
    {
        if (!_options.Enabled)
        {
            await next(context);
            return;
        }

        var kind = RequestKind.Of(context.Request);
        var address = clients.Of(context);
        if (kind.Door is "health" or "metrics" || _exempt.Contains(address))
        {
            await next(context);
            return;
        }

        var read = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method);
        var limit = read ? _options.ReadLimit : _options.WriteLimit;
        var client = UserOf(context, ociTokens) is { } userId ? "user:" + userId : "ip:" + address;
        var now = time.GetUtcNow();
        var windowTicks = _options.Window.Ticks;
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % windowTicks), TimeSpan.Zero);
        var count = await counters.IncrementAsync($"{(read ? "read" : "write")}:{client}", windowStart, context.RequestAborted);
        if (count <= limit)
        {
            await next(context);
            return;
        }

        metrics.CountRateLimited(read ? "read" : "write");
        var retryAfter = (long)Math.Ceiling((windowStart + _options.Window - now).TotalSeconds);
        context.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
        var message = $"Too many {(read ? "read" : "write")} requests: at most {limit} per {_options.Window} for each client. Retry after {Math.Max(1, retryAfter)} seconds.";
        await DoorErrors.WriteAsync(context, kind.Door, StatusCodes.Status429TooManyRequests, "TOOMANYREQUESTS", message);
    }

    // API tokens and web sessions are resolved by authentication; the OCI door's own bearer tokens are
    // read here (a signature check, no database), so registry clients count as their users too.
    private static string? UserOf(HttpContext context, OciTokens ociTokens)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId) return userId;
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && ociTokens.Read(header["Bearer ".Length..].Trim())?.UserId is { } ociUser
            ? ociUser.ToString(CultureInfo.InvariantCulture)
            : null;
    }
}
