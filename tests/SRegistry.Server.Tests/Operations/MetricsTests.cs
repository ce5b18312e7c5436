using System.Net;
using SRegistry.Server.Tests.Oci;

namespace SRegistry.Server.Tests.Operations;

public sealed class MetricsTests(OciServerFixture fixture) : IClassFixture<OciServerFixture>
{
    [Fact]
    public async Task Metrics_FromLoopback_IsPrometheusText_AndCountsAPushAndAPull()
    {
        var name = $"alice/{OciServerFixture.UniqueName("metrics")}/app";
        var layer = OciClient.RandomBytes(40_000);
        var before = await ScrapeAsync();

        var (digest, _) = await fixture.Alice.PushImageAsync(name, "v1", layer);
        (await fixture.Alice.GetAsync($"/v2/{name}/manifests/v1", r => r.Headers.Accept.ParseAdd(OciClient.OciManifest))).Is(HttpStatusCode.OK);
        (await fixture.Alice.GetAsync($"/v2/{name}/blobs/{OciClient.Digest(layer)}")).Is(HttpStatusCode.OK);
        var after = await ScrapeAsync();

        Assert.Equal(1, after.Value("sregistry_pushes_total", ("door", "oci")) - before.Value("sregistry_pushes_total", ("door", "oci")));
        Assert.Equal(1, after.Value("sregistry_pulls_total", ("door", "oci")) - before.Value("sregistry_pulls_total", ("door", "oci")));
        Assert.True(after.Value("sregistry_http_requests_total", ("door", "oci"), ("status", "201")) - before.Value("sregistry_http_requests_total", ("door", "oci"), ("status", "201")) >= 3,
            "the config, layer and manifest uploads answered 201");
        Assert.True(after.Value("sregistry_http_request_bytes_total", ("door", "oci")) - before.Value("sregistry_http_request_bytes_total", ("door", "oci")) >= layer.Length);
        Assert.True(after.Value("sregistry_http_response_bytes_total", ("door", "oci")) - before.Value("sregistry_http_response_bytes_total", ("door", "oci")) >= layer.Length);
        Assert.True(after.Value("sregistry_upload_duration_seconds_count", ("door", "oci")) >= 2, "two monolithic blob uploads were timed");
        Assert.Equal("HISTOGRAM", after.First(s => s.Family == "sregistry_upload_duration_seconds").Type);
        Assert.Equal("COUNTER", after.First(s => s.Family == "sregistry_pushes_total").Type);
        Assert.DoesNotContain(after, s => s.Labels.Values.Any(v => v.Contains(name.Split('/')[1], StringComparison.Ordinal) || v.Contains(digest, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Metrics_Response_HasThePrometheusContentType()
    {
        using var response = await fixture.Server.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("version=0.0.4", response.Content.Headers.ContentType.ToString(), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<MetricSample>> ScrapeAsync()
    {
        using var response = await fixture.Server.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await MetricsParser.ParseAsync(await response.Content.ReadAsStringAsync());
    }
}
