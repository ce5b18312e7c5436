using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using SRegistry.Server.Tests.Web;

namespace SRegistry.Server.Tests.Privacy;

/// <summary>Private mode for those who belong: signed-in users see their own things, share links work, crawlers are told no.</summary>
[Collection(PrivateModeCollection.Name)]
public sealed class PrivateModeTests(PrivateModeFixture registry)
{
    private HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = registry.Server.BaseAddress };

    [Fact]
    public async Task RobotsTxt_DisallowsEverything_AndPagesSayNoindex()
    {
        using var anonymous = Anonymous();
        using var robots = await anonymous.GetAsync("/robots.txt");
        using var signIn = await anonymous.GetAsync("/auth/sign-in");
        var page = await signIn.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, robots.StatusCode);
        Assert.Equal("User-agent: *\nDisallow: /\n", await robots.Content.ReadAsStringAsync());
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", page, StringComparison.Ordinal);
        Assert.Equal("noindex, nofollow", signIn.Headers.GetValues("X-Robots-Tag").Single());
    }

    [Fact]
    public async Task SignedInUser_SeesTheirOwnCollection_OnThePagesAndThroughTheApi()
    {
        using var session = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = registry.Server.BaseAddress };
        await WebForms.SignInAsync(session, registry.Alice, WebUsers.Password);

        var home = await session.GetStringAsync("/");
        var collection = await session.GetStringAsync($"/c/{registry.Alice}/{registry.Collection}");
        var listed = (await registry.Rest.GetAsync($"/api/v1/collections?entity={registry.Alice}")).Json();

        Assert.Contains(registry.Collection, home, StringComparison.Ordinal);
        Assert.Contains(registry.Marker, collection, StringComparison.Ordinal);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), c => c.GetProperty("name").GetString() == registry.Collection);
    }

    [Fact]
    public async Task ShareLink_StillDownloads_TheImageBytes()
    {
        using var anonymous = new HttpClient();

        var bytes = await anonymous.GetByteArrayAsync(registry.ShareUrl);

        Assert.Equal(registry.Digest, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task AnonymousOciToken_GrantsNothing_SoItOpensNeitherExistingNorMissingRepositories()
    {
        using var anonymous = Anonymous();
        var existing = $"{registry.Alice}/{registry.Collection}/{registry.Container}";
        var missing = $"{RouteSubstitution.Twin(registry.Alice)}/{RouteSubstitution.Twin(registry.Collection)}/{RouteSubstitution.Twin(registry.Container)}";

        var existingToken = await TokenAsync(anonymous, existing);
        var missingToken = await TokenAsync(anonymous, missing);
        var withExisting = await ManifestAsync(anonymous, existing, existingToken);
        var withMissing = await ManifestAsync(anonymous, missing, missingToken);

        // A sealed token's size follows its content: equal sizes, so the grants are alike (none).
        Assert.Equal(existingToken.Length, missingToken.Length);
        Assert.Equal(HttpStatusCode.Unauthorized, withExisting.Status);
        Assert.Equal(withExisting.Normalized([existing, missing]), withMissing.Normalized([existing, missing]));
    }

    [Fact]
    public async Task SignedInOciClient_WithAToken_ReadsTheTagList()
    {
        using var client = Anonymous();
        var repository = $"{registry.Alice}/{registry.Collection}/{registry.Container}";
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, $"/v2/token?service=sregistry&scope=repository:{repository}:pull");
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{registry.Alice}:{registry.AliceToken}")));
        using var tokenResponse = await client.SendAsync(tokenRequest);
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{repository}/tags/list");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var tags = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, tags.StatusCode);
        Assert.Contains("latest", await tags.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> TokenAsync(HttpClient client, string repository)
    {
        using var response = await client.GetAsync($"/v2/token?service=sregistry&scope=repository:{repository}:pull");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
    }

    private static async Task<AnonymousAnswer> ManifestAsync(HttpClient client, string repository, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{repository}/manifests/latest");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return await AnonymousAnswer.ReadAsync(response);
    }
}
