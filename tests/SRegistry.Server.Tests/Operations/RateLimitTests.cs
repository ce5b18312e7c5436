using System.Net;
using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Operations;

/// <summary>Each test starts the servers it needs: the limits are configuration, and counters outlive requests.</summary>
public sealed class RateLimitTests
{
    // A day-long window: the tests never straddle the end of one.
    private static readonly string[] Limits = ["--RateLimits:Enabled", "true", "--RateLimits:Window", "1.00:00:00", "--RateLimits:ReadLimit", "3", "--RateLimits:WriteLimit", "2"];

    [Fact]
    public async Task Reads_OverTheLimit_Answer429WithRetryAfter_InEachDoorsErrorFormat()
    {
        using var data = new TestDirectory();
        await using var server = await RunningServer.StartAsync(data.Path, Limits);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/version")).StatusCode);

        using var library = await server.Client.GetAsync("/version");
        using var oci = await server.Client.GetAsync("/v2/");
        using var api = await server.Client.GetAsync("/api/v1/search?q=abc");

        Assert.Equal(HttpStatusCode.TooManyRequests, library.StatusCode);
        var retryAfter = library.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        var message = JsonDocument.Parse(await library.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("message").GetString();
        Assert.Contains("at most 3", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, oci.StatusCode);
        Assert.Equal("TOOMANYREQUESTS", JsonDocument.Parse(await oci.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Writes_AreCountedApartFromReads()
    {
        using var data = new TestDirectory();
        await using var server = await RunningServer.StartAsync(data.Path, Limits);
        for (var i = 0; i < 4; i++) await server.Client.GetAsync("/version");

        using var firstWrite = await server.Client.PostAsync("/v2/alice/tools/app/blobs/uploads/", null);
        using var secondWrite = await server.Client.PostAsync("/v2/alice/tools/app/blobs/uploads/", null);
        using var thirdWrite = await server.Client.PostAsync("/v2/alice/tools/app/blobs/uploads/", null);

        // Anonymous upload starts are refused with 401, but they are requests all the same.
        Assert.Equal(HttpStatusCode.Unauthorized, firstWrite.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, secondWrite.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, thirdWrite.StatusCode);
    }

    [Fact]
    public async Task PrivateMode_StillCountsRefusedPasswordGuesses()
    {
        using var data = new TestDirectory();
        await using var server = await RunningServer.StartAsync(data.Path, [.. Limits, "--Registry:PrivateMode=true"]);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var guess = new HttpRequestMessage(HttpMethod.Get, "/v2/admin/tools/app/tags/list");
            guess.Headers.Authorization = new("Basic", Convert.ToBase64String("admin:guess"u8.ToArray()));
            using var response = await server.Client.SendAsync(guess);
            statuses.Add(response.StatusCode);
        }

        // The private-mode gate refuses each guess, but only after the guess has been counted.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ExemptNetwork_IsNeverLimited()
    {
        using var data = new TestDirectory();
        await using var server = await RunningServer.StartAsync(data.Path, [.. Limits, "--RateLimits:ExemptNetworks:0", "127.0.0.0/8"]);

        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/version")).StatusCode);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_ShareTheCounters()
    {
        using var first = new TestDirectory();
        using var second = new TestDirectory();
        await using var one = await RunningServer.StartAsync(first.Path, Limits);
        var connectionString = $"Host={first.Combine("postgres")};Username=sregistry;Database=sregistry";
        await using var two = await RunningServer.StartAsync(second.Path, [.. Limits, "--Database:ConnectionString", connectionString]);

        // Alternating instances: with counters of their own each would allow 3 (6 in all); shared, 3 in all.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await (i % 2 == 0 ? one : two).Client.GetAsync("/version");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task HealthAndMetrics_AreNeverLimited()
    {
        using var data = new TestDirectory();
        await using var server = await RunningServer.StartAsync(data.Path, Limits);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/metrics")).StatusCode);
        }
    }
}
