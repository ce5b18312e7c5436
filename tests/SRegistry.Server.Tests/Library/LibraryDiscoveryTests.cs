using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SRegistry.Server.Tests.Library;

/// <summary>What <c>singularity remote add/login/status</c> read before anything else.</summary>
public sealed class LibraryDiscoveryTests(LibraryServerFixture fixture) : IClassFixture<LibraryServerFixture>
{
    [Fact]
    public async Task ConfigProdJson_NamesThisServerForEveryServiceWithAbsoluteUris()
    {
        var config = await GetJsonAsync("/assets/config/config.prod.json", null);

        foreach (var service in new[] { "libraryAPI", "keystoreAPI", "tokenAPI" })
        {
            Assert.Equal(fixture.Url.ToString().TrimEnd('/'), config.GetProperty(service).GetProperty("uri").GetString());
        }
    }

    [Fact]
    public async Task ConfigProdJson_BehindAReverseProxyOnThisMachine_NamesThePublicAddress()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/config/config.prod.json");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "registry.example.org");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await fixture.Server.Client.SendAsync(request);
        using var config = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("https://registry.example.org", config.RootElement.GetProperty("libraryAPI").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Version_AdvertisesArchAwareV2Api()
    {
        var version = await GetJsonAsync("/version", null);

        Assert.Equal("2.0.0-alpha.2", version.GetProperty("data").GetProperty("apiVersion").GetString());
        Assert.False(string.IsNullOrEmpty(version.GetProperty("data").GetProperty("version").GetString()));
    }

    [Fact]
    public async Task CurrentUser_WithToken_NamesTheTokensUser()
    {
        var user = await GetJsonAsync("/v1/rbac/users/current", fixture.AliceToken);

        Assert.Equal("alice", user.GetProperty("username").GetString());
        Assert.Equal("", user.GetProperty("oidc_user_meta").GetProperty("secret").GetString());
    }

    [Fact]
    public async Task CurrentUser_Anonymous_Is401WithErrorEnvelope()
    {
        using var response = await fixture.Server.Client.GetAsync("/v1/rbac/users/current");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task OciRedirect_Is404SoClientsUseTheLibraryApi()
    {
        using var response = await fixture.Server.Client.GetAsync("/v1/oci-redirect?ref=alice/x/y:latest");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonElement> GetJsonAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await fixture.Server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
