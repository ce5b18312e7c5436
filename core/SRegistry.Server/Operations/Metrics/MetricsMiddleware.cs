using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace SRegistry.Server.Operations.Metrics;

/// <summary>Counts every request by door and status, the bytes it carried each way, pushes, pulls and upload durations.</summary>
public sealed class MetricsMiddleware(RequestDelegate next, RegistryMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var kind = RequestKind.Of(context.Request);
        var received = new CountingReadStream(context.Request.Body);
        var originalResponse = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var sent = new CountingResponseBody(originalResponse);
        context.Request.Body = received;
        context.Features.Set<IHttpResponseBodyFeature>(sent);
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            context.Features.Set(originalResponse);
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            metrics.CountRequest(kind.Door, status);
            metrics.CountBytes(kind.Door, received.Count, sent.Count);
            if (kind.Upload && status is >= 200 and < 300) metrics.ObserveUpload(kind.Door, Stopwatch.GetElapsedTime(started));
            if (RequestKind.IsPush(context.Request, status)) metrics.CountPush(kind.Door);
            if (RequestKind.IsPull(context.Request, status)) metrics.CountPull(kind.Door);
        }
    }
}
