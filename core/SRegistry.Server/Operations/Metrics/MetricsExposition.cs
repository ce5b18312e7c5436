using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Audit;
using SRegistry.Core.Metrics;
using SRegistry.Core.Persistence;

namespace SRegistry.Server.Operations.Metrics;

/// <summary>Renders this instance's counters, the last garbage collection (from the database, whichever instance or command ran it) and the registered gauges.</summary>
public sealed class MetricsExposition(RegistryMetrics metrics, MetricGauges gauges, IServiceScopeFactory scopes)
{
    public async Task<string> WriteAsync(CancellationToken cancellationToken)
    {
        var text = new PrometheusText();
        text.Family("sregistry_http_requests_total", "counter", "HTTP requests answered, by door and status code.");
        foreach (var ((door, status), value) in metrics.Requests)
            text.Sample("sregistry_http_requests_total", value, ("door", door), ("status", status.ToString(CultureInfo.InvariantCulture)));
        Counters(text, "sregistry_http_request_bytes_total", "Request body bytes received, by door.", "door", metrics.BytesIn);
        Counters(text, "sregistry_http_response_bytes_total", "Response body bytes sent, by door.", "door", metrics.BytesOut);
        Counters(text, "sregistry_pushes_total", "Completed pushes (images, manifests), by door.", "door", metrics.Pushes);
        Counters(text, "sregistry_pulls_total", "Whole image or manifest downloads, by door.", "door", metrics.Pulls);
        Counters(text, "sregistry_rate_limited_total", "Requests refused by the rate limiter, by read or write.", "kind", metrics.RateLimited);

        text.Family("sregistry_upload_duration_seconds", "histogram", "Durations of requests that carried image bytes and succeeded, by door.");
        foreach (var (door, histogram) in metrics.UploadDurations)
        {
            for (var i = 0; i < histogram.UpperBounds.Count; i++)
                text.Sample("sregistry_upload_duration_seconds_bucket", histogram.BucketCount(i), ("door", door), ("le", histogram.UpperBounds[i].ToString("R", CultureInfo.InvariantCulture)));
            text.Sample("sregistry_upload_duration_seconds_bucket", histogram.Count, ("door", door), ("le", "+Inf"));
            text.Sample("sregistry_upload_duration_seconds_sum", histogram.Sum, ("door", door));
            text.Sample("sregistry_upload_duration_seconds_count", histogram.Count, ("door", door));
        }

        await using var scope = scopes.CreateAsyncScope();
        await LastCollectionAsync(text, scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), cancellationToken);
        foreach (var gauge in gauges.All)
            text.Family(gauge.Name, "gauge", gauge.Help).Sample(gauge.Name, await gauge.Read(scope.ServiceProvider, cancellationToken));
        return text.ToString();
    }

    private static void Counters(PrometheusText text, string name, string help, string label, IEnumerable<(string Key, long Value)> values)
    {
        text.Family(name, "counter", help);
        foreach (var (key, value) in values)
            text.Sample(name, value, (label, key));
    }

    // The audit log is where every collection (scheduled on any instance, or `admin gc`) leaves its numbers.
    private static async Task LastCollectionAsync(PrometheusText text, RegistryDbContext db, CancellationToken cancellationToken)
    {
        var last = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.BlobCollect)
            .OrderByDescending(e => e.Id).Select(e => new { e.At, e.Details }).FirstOrDefaultAsync(cancellationToken);
        if (last?.Details is null) return;
        using var details = JsonDocument.Parse(last.Details);
        text.Family("sregistry_gc_last_run_timestamp_seconds", "gauge", "When the last garbage collection finished (Unix time).")
            .Sample("sregistry_gc_last_run_timestamp_seconds", last.At.ToUnixTimeSeconds());
        text.Family("sregistry_gc_last_run_deleted_blobs", "gauge", "Blobs the last garbage collection deleted.")
            .Sample("sregistry_gc_last_run_deleted_blobs", details.RootElement.GetProperty("blobs").GetInt64());
        text.Family("sregistry_gc_last_run_deleted_bytes", "gauge", "Bytes the last garbage collection freed.")
            .Sample("sregistry_gc_last_run_deleted_bytes", details.RootElement.GetProperty("bytes").GetInt64());
        text.Family("sregistry_gc_last_run_expired_uploads", "gauge", "Expired upload sessions the last garbage collection removed.")
            .Sample("sregistry_gc_last_run_expired_uploads", details.RootElement.GetProperty("expiredUploads").GetInt64());
    }
}
