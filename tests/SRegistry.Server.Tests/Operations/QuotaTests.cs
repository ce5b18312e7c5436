using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;
using SRegistry.Server.Tests.Oci;
using SRegistry.Server.Tests.SRegistryCli;
using SRegistry.Server.Tests.Web;

namespace SRegistry.Server.Tests.Operations;

/// <summary>Each test makes its own user and sets that user's quota, so the shared server's other users are unlimited.</summary>
[Collection(RestApiCollection.Name)]
public sealed class QuotaTests(LibraryServerFixture server)
{
    private const long Limit = 1000;
    private readonly WebUsers users = new(server);

    [Fact]
    public async Task LibraryPush_OverQuota_IsRefusedWith413AndTheNumbers_OnSinglePartMultipartAndLegacyUploads_StoringNothing()
    {
        var (user, token) = await UserWithQuotaAsync(Limit);
        var file = await SifFiles.CreateAsync(server.Files);
        var size = new FileInfo(file).Length;
        var library = new LibraryApi(server.Server.Client, token);
        var collection = await library.CreateCollectionAsync(await library.EntityIdAsync(user), LibraryServerFixture.UniqueName("q"));
        var imageId = await library.CreateImageAsync(await library.CreateContainerAsync(collection, "tool"), SifFiles.LibraryHash(file));
        var before = await StoredState.ReadAsync(server.DataDirectory);

        var single = await library.RequestUploadAsync(imageId, file);
        var multipart = await library.PostAsync($"/v2/imagefile/{imageId}/_multipart", new { filesize = size });
        using var legacy = await PostBytesAsync($"/v1/imagefile/{imageId}", token, await File.ReadAllBytesAsync(file));

        foreach (var (status, body) in new[] { (single.Status, single.Body), (multipart.Status, multipart.Body), (legacy.StatusCode, await legacy.Content.ReadAsStringAsync()) })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
            var message = JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString();
            Assert.Contains($"used 0, limit {Limit}, requested {size}", message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await StoredState.ReadAsync(server.DataDirectory));
    }

    [Fact]
    public async Task SRegistryCliAndBrowserPush_OverQuota_AreRefusedWith413_StoringNothing()
    {
        var (user, token) = await UserWithQuotaAsync(Limit);
        var file = await SifFiles.CreateAsync(server.Files);
        var cli = new SRegistryCliClient(server.Server.Client, server.Url, user, await CliTokenAsync(token));
        using var session = await users.SessionAsync(user);
        var antiforgery = await WebForms.AntiforgeryTokenAsync(session, "/upload");
        var before = await StoredState.ReadAsync(server.DataDirectory);

        var pushed = await cli.PushAsync(file, LibraryServerFixture.UniqueName("q"), "tool", "v1");
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/upload/image?entity={user}&collection={LibraryServerFixture.UniqueName("q")}&container=tool&tag=v1")
        {
            Content = new ByteArrayContent(await File.ReadAllBytesAsync(file)),
        };
        upload.Headers.Add(Server.Web.BrowserUploadEndpoint.AntiforgeryHeader, antiforgery);
        using var browser = await session.SendAsync(upload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, pushed.Status);
        Assert.Contains($"limit {Limit}", pushed.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, browser.StatusCode);
        Assert.Contains($"limit {Limit}", JsonDocument.Parse(await browser.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredState.ReadAsync(server.DataDirectory));
    }

    [Fact]
    public async Task OciPush_OverQuota_IsRefusedAtTheStartAndWhenAChunkWouldPassTheLimit_StoringNothing()
    {
        var (user, token) = await UserWithQuotaAsync(Limit);
        var oci = new OciClient(server.Server.Client, token);
        var name = $"{user}/{LibraryServerFixture.UniqueName("q")}/app";
        var before = await StoredState.ReadAsync(server.DataDirectory);

        var monolithic = await oci.PostBlobAsync(name, OciClient.RandomBytes(1500));
        var location = await oci.StartUploadAsync(name);
        var firstChunk = await oci.PatchAsync(location, OciClient.RandomBytes(600), 0);
        var secondChunk = await oci.PatchAsync(location, OciClient.RandomBytes(600), 600);
        (await oci.SendAsync(HttpMethod.Delete, location)).Is(HttpStatusCode.NoContent);

        monolithic.IsError(HttpStatusCode.RequestEntityTooLarge, "DENIED");
        Assert.Equal(Limit, monolithic.Json().GetProperty("errors")[0].GetProperty("detail").GetProperty("limit").GetInt64());
        Assert.Equal(1500, monolithic.Json().GetProperty("errors")[0].GetProperty("detail").GetProperty("requested").GetInt64());
        firstChunk.Is(HttpStatusCode.Accepted);
        secondChunk.IsError(HttpStatusCode.RequestEntityTooLarge, "DENIED");
        Assert.Equal(before, await StoredState.ReadAsync(server.DataDirectory));
    }

    [Fact]
    public async Task Quota_IsReportedIn_Complete_TheApi_TheAdminCommandAndTheUsagePage()
    {
        var (user, token) = await UserWithQuotaAsync(10_000_000);
        var file = await SifFiles.CreateAsync(server.Files);
        var size = new FileInfo(file).Length;
        var library = new LibraryApi(server.Server.Client, token);
        var collection = await library.CreateCollectionAsync(await library.EntityIdAsync(user), LibraryServerFixture.UniqueName("q"));
        var imageId = await library.CreateImageAsync(await library.CreateContainerAsync(collection, "tool"), SifFiles.LibraryHash(file));
        var url = await library.BeginUploadAsync(imageId, file);
        (await library.PutBytesAsync(url, await File.ReadAllBytesAsync(file))).Ok();

        var complete = (await library.SendAsync(HttpMethod.Put, $"/v2/imagefile/{imageId}/_complete", "{}")).Data().GetProperty("quota");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/quotas");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var api = await server.Server.Client.SendAsync(request);
        var shown = await AdminCli.OkAsync(server.DataDirectory, null, "quota", "show", "user", user);
        using var session = await users.SessionAsync(user);
        var page = await session.GetStringAsync("/usage");

        Assert.Equal(10_000_000, complete.GetProperty("quotaTotal").GetInt64());
        Assert.Equal(size, complete.GetProperty("quotaUsage").GetInt64());
        var mine = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(("user", user, size, 10_000_000L, true),
            (mine.GetProperty("kind").GetString(), mine.GetProperty("name").GetString(), mine.GetProperty("usedBytes").GetInt64(), mine.GetProperty("limitBytes").GetInt64(), mine.GetProperty("ownLimit").GetBoolean()));
        Assert.Equal($"user\t{user}\t{size}\t10000000\town", shown);
        Assert.Contains("id=\"quotas\"", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{size}</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>10000000</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetQuota_ThroughTheApi_IsForAdministratorsOnly()
    {
        var (user, token) = await UserWithQuotaAsync(Limit);
        var admin = await users.CreateAsync(admin: true);
        var adminToken = await users.TokenAsync(admin);

        using var refused = await PutQuotaAsync(token, user, 5000);
        using var accepted = await PutQuotaAsync(adminToken, user, 5000);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(5000, JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("limitBytes").GetInt64());
        Assert.EndsWith("\t5000\town", await AdminCli.OkAsync(server.DataDirectory, null, "quota", "show", "user", user), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnlimitedQuota_IsReportedAsNoLimit_NotAsAHugeNumber()
    {
        var user = await users.CreateAsync();
        var shown = await AdminCli.OkAsync(server.DataDirectory, null, "quota", "set", "user", user, "unlimited");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/quotas");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await users.TokenAsync(user));
        using var api = await server.Server.Client.SendAsync(request);

        Assert.Equal($"user\t{user}\t0\tunlimited\town", shown);
        var mine = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal((JsonValueKind.Null, true), (mine.GetProperty("limitBytes").ValueKind, mine.GetProperty("ownLimit").GetBoolean()));
    }

    private async Task<(string User, string Token)> UserWithQuotaAsync(long bytes)
    {
        var user = await users.CreateAsync();
        await AdminCli.OkAsync(server.DataDirectory, null, "quota", "set", "user", user, bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (user, await users.TokenAsync(user));
    }

    private async Task<HttpResponseMessage> PostBytesAsync(string path, string token, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Server.Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PutQuotaAsync(string token, string user, long bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/quotas/users/{user}") { Content = JsonContent.Create(new { limitBytes = bytes }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Server.Client.SendAsync(request);
    }

    private async Task<string> CliTokenAsync(string apiToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/token");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        using var response = await server.Server.Client.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
    }
}
