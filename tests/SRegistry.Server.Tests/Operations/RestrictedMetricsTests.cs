using System.Net;
using System.Net.Http.Headers;

namespace SRegistry.Server.Tests.Operations;

public sealed class RestrictedMetricsTests(RestrictedMetricsFixture fixture) : IClassFixture<RestrictedMetricsFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("scraper-secret-0123456780")]
    [InlineData("")]
    public async Task Metrics_FromANetworkNotAllowed_WithoutTheToken_IsForbidden(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await fixture.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("sregistry_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.0.2.10", HttpStatusCode.OK)]
    [InlineData("198.51.100.7", HttpStatusCode.Forbidden)]
    public async Task Metrics_ThroughAProxyOnThisMachine_JudgesTheForwardedClient(string client, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", client);

        using var response = await fixture.Server.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithTheToken_IsServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RestrictedMetricsFixture.MetricsToken);

        using var response = await fixture.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var samples = await MetricsParser.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(samples, s => s.Family == "sregistry_http_requests_total");
    }
}
