using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SRegistry.Plugins.GoogleBuild.Tests.Fakes;

namespace SRegistry.Plugins.GoogleBuild.Tests.Builds;

/// <summary>The callback is authenticated, trusts nothing but a build id, and changes nothing for builds that are not the registry's.</summary>
public sealed class CloudBuildCallbackTests(FakeGoogleFixture fixture) : IClassFixture<FakeGoogleFixture>
{
    private static readonly TimeSpan NoPolling = TimeSpan.FromHours(1);

    private FakeGoogleServer Google => fixture.Google;

    [Theory]
    [InlineData(null)]
    [InlineData("callback-secret-0123456789abcdef-0123456780")]
    [InlineData("")]
    public async Task Callback_WithoutTheSecret_Is401AndAsksCloudBuildNothing(string? token)
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling);
        var id = await scenario.Host.Backend.SubmitAsync(CloudBuildScenario.NewJob(), CancellationToken.None);
        await scenario.PlayTheBuilderAsync(id);
        var before = Google.Requests.Count(r => r.Path.EndsWith(id, StringComparison.Ordinal));

        using var response = await scenario.NotifyAsync(id, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, Google.Requests.Count(r => r.Path.EndsWith(id, StringComparison.Ordinal)));
        Assert.Empty(scenario.Reporter.Imports);
        Assert.Empty(scenario.Reporter.Reports);
    }

    [Fact]
    public async Task Callback_WithTheSecretAsBearer_IsAccepted()
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling);
        var id = await scenario.Host.Backend.SubmitAsync(CloudBuildScenario.NewJob(), CancellationToken.None);
        Google.Builds.Finish(id, "FAILURE");
        using var client = new HttpClient { DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", CloudBuildScenario.Secret) } };

        using var response = await client.PostAsync(new Uri(scenario.Host.BaseUrl, "plugins/google-build/builds/notify"),
            new StringContent("{\"message\":{\"attributes\":{\"buildId\":\"" + id + "\",\"status\":\"FAILURE\"}}}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(scenario.Reporter.Reports);
    }

    [Fact]
    public async Task ForgedCallback_ForABuildCloudBuildDoesNotKnow_ChangesNothing()
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling);
        var unknown = Guid.NewGuid().ToString();

        using var response = await scenario.NotifyAsync(unknown);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(Google.Requests, r => r.Method == "GET" && r.Path == $"/v1/projects/test-project/builds/{unknown}");
        Assert.Empty(scenario.Reporter.Reports);
        Assert.Empty(scenario.Reporter.Imports);
    }

    [Fact]
    public async Task ForgedCallback_ForSomeoneElsesFinishedBuild_ChangesNothing()
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling);
        var foreign = Google.Builds.Add(JsonNode.Parse("""{"steps":[],"tags":["someone-else"]}""")!.AsObject(), DateTimeOffset.UtcNow);
        Google.Builds.Finish(foreign.Id, "FAILURE");

        using var response = await scenario.NotifyAsync(foreign.Id);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(scenario.Reporter.Reports);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"message":{"attributes":{"buildId":"../../other"}}}""")]
    [InlineData("""{"subscription":"x"}""")]
    public async Task Callback_ThatNamesNoBuild_Is400(string body)
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling);
        using var client = new HttpClient();

        using var response = await client.PostAsync(new Uri(scenario.Host.BaseUrl, $"plugins/google-build/builds/notify?token={CloudBuildScenario.Secret}"), new StringContent(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Callback_WhenNoSecretIsConfigured_DoesNotExist()
    {
        await using var scenario = await CloudBuildScenario.StartAsync(fixture, NoPolling, secret: "");

        using var response = await scenario.NotifyAsync(Guid.NewGuid().ToString(), token: "");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
