using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.SRegistryCli;

/// <summary>
/// sregistry-cli's requests (see <see cref="SRegistryCliClient"/>) against the real server: push, pull,
/// delete, search, and interplay with the library door through the real Go client. Each test uses its
/// own collection in the <c>default</c> entity.
/// </summary>
public sealed class SRegistryCliClientTests(SRegistryCliServerFixture registry, LibraryHarness harness)
    : IClassFixture<SRegistryCliServerFixture>, IClassFixture<LibraryHarness>
{
    [Fact]
    public async Task Push_ThenPullWithoutSignature_PublicImageComesBackIdentical()
    {
        var (file, collection) = await NewImageAsync();

        var pushed = await registry.Alice().PushAsync(file, collection, "app", "v1");
        var (first, _) = await registry.Anonymous().PullManifestAsync(collection, "app", "v1");
        var (manifest, bytes) = await registry.Anonymous().PullAsync(collection, "app", "v1");

        Assert.True(pushed.Status == HttpStatusCode.OK, pushed.ToString());
        Assert.Contains(Sha256(file)[7..], pushed.Json.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(Sha256(file), manifest.GetProperty("version").GetString());
        Assert.Equal(Sha256(file), "sha256." + Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(("app", "v1", collection, false), (manifest.GetProperty("name").GetString(), manifest.GetProperty("tag").GetString(),
            manifest.GetProperty("collection").GetString(), manifest.GetProperty("frozen").GetBoolean()));
        Assert.StartsWith(registry.Url.ToString().TrimEnd('/') + "/api/download/", manifest.GetProperty("image").GetString());
        foreach (var field in new[] { "id", "metadata", "add_date", "metrics" })
            Assert.True(manifest.TryGetProperty(field, out _), $"the manifest has '{field}'");
        foreach (var version in new[] { Sha256(file), "sha256:" + Sha256(file)[7..], Sha256(file)[7..] })
        {
            var byVersion = await registry.Anonymous().QueryAsync($"container/{collection}/app@{version}");
            Assert.True(byVersion.Status == HttpStatusCode.OK, byVersion.ToString());
            Assert.Equal(Sha256(file), byVersion.Json.GetProperty("version").GetString());
        }

        // One HEAD and one GET: one download.
        var after = (await registry.Anonymous().PullManifestAsync(collection, "app", "v1")).Final.Json;
        Assert.Equal(1, after.GetProperty("metrics").GetProperty("download_count").GetInt64());
    }

    [Fact]
    public async Task Push_WithSRegistryCli_PullsWithTheLibraryClientAsTheSameImage()
    {
        var (file, collection) = await NewImageAsync();
        var pushed = await registry.Alice().PushAsync(file, collection, "app", "v1");
        Assert.True(pushed.Status == HttpStatusCode.OK, pushed.ToString());

        var pulled = await harness.RunAsync(registry.Url, registry.AliceToken, "pull", $"default/{collection}/app:v1", Path.Combine(registry.Files, collection + ".sif"));

        Assert.Equal(Sha256(file), pulled.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Push_WithTheLibraryClient_PullsWithSRegistryCliAsTheSameImage()
    {
        var (file, collection) = await NewImageAsync();
        await harness.RunAsync(registry.Url, registry.AliceToken, "push", file, $"default/{collection}/app:v1");

        var (manifest, bytes) = await registry.Anonymous().PullAsync(collection, "app", "v1");

        Assert.Equal(Sha256(file), manifest.GetProperty("version").GetString());
        Assert.Equal(Sha256(file), "sha256." + Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task Pull_PrivateImage_Is403ThenServedToTheOwnersSignatureOnly()
    {
        var (file, collection) = await NewImageAsync();
        await CreatePrivateCollectionAsync(collection);
        var pushed = await registry.Alice().PushAsync(file, collection, "app", "v1");
        Assert.True(pushed.Status == HttpStatusCode.OK, pushed.ToString());

        var anonymous = await registry.Anonymous().PullManifestAsync(collection, "app", "v1");
        var alice = await registry.Alice().PullManifestAsync(collection, "app", "v1");
        var bob = await registry.Bob().PullManifestAsync(collection, "app", "v1");

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.Final.Status);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (alice.First.Status, alice.Final.Status));
        Assert.Equal(Sha256(file), alice.Final.Json.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, bob.Final.Status);
        var download = await registry.Anonymous().DownloadAsync(alice.Final.Json.GetProperty("image").GetString()!);
        Assert.Equal(Sha256(file), "sha256." + Convert.ToHexStringLower(SHA256.HashData(download.Bytes)));
    }

    [Fact]
    public async Task Delete_ByOwner_Is204AndTheImageIsGone_ByAnotherUser_Is403AndTheImageStays()
    {
        var (file, collection) = await NewImageAsync();
        Assert.Equal(HttpStatusCode.OK, (await registry.Alice().PushAsync(file, collection, "app", "v1")).Status);

        var byBob = await registry.Bob().DeleteAsync(collection, "app", "v1");
        var stillThere = await registry.Anonymous().PullManifestAsync(collection, "app", "v1");
        var byAlice = await registry.Alice().DeleteAsync(collection, "app", "v1");
        var gone = await registry.Anonymous().PullManifestAsync(collection, "app", "v1");
        var again = await registry.Alice().DeleteAsync(collection, "app", "v1");

        Assert.Equal(HttpStatusCode.Forbidden, byBob.Status);
        Assert.Equal(HttpStatusCode.OK, stillThere.Final.Status);
        Assert.Equal(HttpStatusCode.NoContent, byAlice.Status);
        Assert.Equal(HttpStatusCode.NotFound, gone.Final.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
    }

    [Fact]
    public async Task Delete_InFrozenContainer_Is403()
    {
        var (file, collection) = await NewImageAsync();
        Assert.Equal(HttpStatusCode.OK, (await registry.Alice().PushAsync(file, collection, "app", "v1")).Status);
        await AdminCli.OkAsync(registry.DataDirectory, null, "container", "freeze", $"default/{collection}/app");

        var deleted = await registry.Alice().DeleteAsync(collection, "app", "v1");

        Assert.Equal(HttpStatusCode.Forbidden, deleted.Status);
        Assert.Equal(HttpStatusCode.OK, (await registry.Anonymous().PullManifestAsync(collection, "app", "v1")).Final.Status);
    }

    [Fact]
    public async Task Push_ToAnotherUsersCollection_Is403()
    {
        var (file, collection) = await NewImageAsync();
        Assert.Equal(HttpStatusCode.OK, (await registry.Alice().PushAsync(file, collection, "app", "v1")).Status);

        var bob = await registry.Bob().RequestPushAsync(collection, "app", "v2");

        Assert.Equal(HttpStatusCode.Forbidden, bob.Status);
    }

    [Fact]
    public async Task Requests_WithAWrongKeyOrNoSignature_Are403NotServerErrors()
    {
        var (file, collection) = await NewImageAsync();
        var wrongKey = new SRegistryCliClient(registry.Server.Client, registry.Url, "alice", registry.BobCliToken);
        var unknownUser = new SRegistryCliClient(registry.Server.Client, registry.Url, "nobody", registry.AliceCliToken);

        Assert.Equal(HttpStatusCode.Forbidden, (await wrongKey.RequestPushAsync(collection, "app", "v1")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await unknownUser.RequestPushAsync(collection, "app", "v1")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await registry.Anonymous().RequestPushAsync(collection, "app", "v1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await registry.Alice().PushAsync(file, collection, "app", "v1")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await wrongKey.DeleteAsync(collection, "app", "v1")).Status);

        using var garbage = new HttpRequestMessage(HttpMethod.Get, $"/api/container/{collection}/app:v1");
        garbage.Headers.TryAddWithoutValidation("Authorization", "SREGISTRY-HMAC-SHA256 Credential=pull/!!!/x,Signature=zz");
        using var response = await registry.Server.Client.SendAsync(garbage);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Signature_FromThePreviousHour_IsAccepted_FromTwoHoursAgoOrTheFuture_IsRefused()
    {
        var (_, collection) = await NewImageAsync();
        SRegistryCliClient At(TimeSpan offset) => new(registry.Server.Client, registry.Url, "alice", registry.AliceCliToken) { SigningTime = DateTimeOffset.UtcNow + offset };

        // A minute into an hour, "one hour ago" is safely inside the previous hour; two hours ago never is.
        Assert.Equal(HttpStatusCode.OK, (await At(TimeSpan.FromMinutes(-60)).RequestPushAsync(collection, "app", "v1")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await At(TimeSpan.FromHours(-2.1)).RequestPushAsync(collection, "app", "v1")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await At(TimeSpan.FromHours(1.1)).RequestPushAsync(collection, "app", "v1")).Status);
    }

    [Fact]
    public async Task Upload_TruncatedMidFile_StoresNothing()
    {
        var (file, collection) = await NewImageAsync();
        var alice = registry.Alice();
        var cid = (await alice.RequestPushAsync(collection, "app", "v1")).Json.GetProperty("cid").GetRawText();

        var broken = await alice.UploadAsync(file, cid, collection, "app", "v1", truncateAt: new FileInfo(file).Length / 2);

        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.PullManifestAsync(collection, "app", "v1")).Final.Status);
        var container = await LibraryGetAsync($"/v1/containers/default/{collection}/app");
        Assert.Equal(0, container.GetProperty("data").GetProperty("images").GetArrayLength());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(registry.DataDirectory, "uploads"), "sregistry-cli-*"));
    }

    [Fact]
    public async Task Upload_OfAFileThatIsNoSif_Is422AndStoresNothing()
    {
        var (_, collection) = await NewImageAsync();
        var junk = Path.Combine(registry.Files, collection + ".txt");
        await File.WriteAllTextAsync(junk, "not a SIF image " + collection);

        var pushed = await registry.Alice().PushAsync(junk, collection, "app", "v1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, pushed.Status);
        var container = await LibraryGetAsync($"/v1/containers/default/{collection}/app");
        Assert.Equal(0, container.GetProperty("data").GetProperty("images").GetArrayLength());
    }

    [Fact]
    public async Task DownloadUrl_AfterItsLifetime_IsRefused_AndATamperedOneNever()
    {
        var (file, collection) = await NewImageAsync();
        Assert.Equal(HttpStatusCode.OK, (await registry.Alice().PushAsync(file, collection, "app", "v1")).Status);
        var url = (await registry.Anonymous().PullManifestAsync(collection, "app", "v1")).Final.Json.GetProperty("image").GetString()!;
        var tampered = url.Replace("/api/download/", "/api/download/x", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await registry.Anonymous().DownloadAsync(tampered)).Get);
        await Task.Delay(SRegistryCliServerFixture.DownloadUrlLifetime + TimeSpan.FromSeconds(2));
        var expired = await registry.Anonymous().DownloadAsync(url);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (expired.Head, expired.Get));
    }

    [Fact]
    public async Task Search_FindsPublicPushesOnly()
    {
        var (file, collection) = await NewImageAsync();
        var (hiddenFile, hidden) = await NewImageAsync();
        Assert.Equal(HttpStatusCode.OK, (await registry.Alice().PushAsync(file, collection, "app", "v1")).Status);
        await CreatePrivateCollectionAsync(hidden);
        Assert.Equal(HttpStatusCode.OK, (await registry.Alice().PushAsync(hiddenFile, hidden, "app", "v1")).Status);
        var anonymous = registry.Anonymous();

        var collections = await anonymous.QueryAsync("collections/");
        var one = await anonymous.QueryAsync($"collection/{collection}");
        var byName = await anonymous.QueryAsync("container/search/name/app/tag/v1");
        var byCollection = await anonymous.QueryAsync($"container/search/collection/{collection}/name/app");
        var labels = await anonymous.QueryAsync("labels/search");

        var names = collections.Json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Contains(collection, names);
        Assert.DoesNotContain(hidden, names);
        Assert.True(collections.Json.GetProperty("count").GetInt32() >= 1);
        Assert.Equal($"{collection}/app:v1", Assert.Single(one.Json.GetProperty("containers").EnumerateArray()).GetProperty("uri").GetString());
        Assert.Contains(byName.Json.EnumerateArray(), c => c.GetProperty("collection").GetString() == collection);
        Assert.DoesNotContain(byName.Json.EnumerateArray(), c => c.GetProperty("collection").GetString() == hidden);
        Assert.Equal("v1", Assert.Single(byCollection.Json.EnumerateArray()).GetProperty("tag").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.QueryAsync($"collection/{hidden}")).Status);
        Assert.Equal(JsonValueKind.Array, labels.Json.ValueKind);
    }

    [Fact]
    public async Task Search_Signed_FindsThePrivateCollectionsOfTheSignerOnly()
    {
        var (file, hidden) = await NewImageAsync();
        await CreatePrivateCollectionAsync(hidden);
        Assert.Equal(HttpStatusCode.OK, (await registry.Alice().PushAsync(file, hidden, "app", "v1")).Status);
        var wrongKey = new SRegistryCliClient(registry.Server.Client, registry.Url, "alice", registry.BobCliToken);

        var alice = await registry.Alice().SignedQueryAsync($"collection/{hidden}", hidden, "", "");
        var aliceList = await registry.Alice().SignedQueryAsync("collections/", "", "", "");
        var aliceSearch = await registry.Alice().SignedQueryAsync($"container/search/collection/{hidden}/name/app", hidden, "app", "");
        var bob = await registry.Bob().SignedQueryAsync($"collection/{hidden}", hidden, "", "");
        var forged = await wrongKey.SignedQueryAsync($"collection/{hidden}", hidden, "", "");

        Assert.True(alice.Status == HttpStatusCode.OK, alice.ToString());
        Assert.Contains(aliceList.Json.GetProperty("results").EnumerateArray(), r => r.GetProperty("name").GetString() == hidden);
        Assert.Equal("v1", Assert.Single(aliceSearch.Json.EnumerateArray()).GetProperty("tag").GetString());
        Assert.Equal(HttpStatusCode.NotFound, bob.Status);
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
    }

    [Fact]
    public async Task ApiTokenAuth_WithPassword_GivesATokenThatSigns()
    {
        var (file, collection) = await NewImageAsync();
        var user = LibraryServerFixture.UniqueName("carol");
        await AdminCli.OkAsync(registry.DataDirectory, "correct-horse-battery\n", "user", "create", user, "--password-stdin");

        using var wrong = await registry.Server.Client.PostAsync("/api/api-token-auth/",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = "wrong-password" }));
        using var right = await registry.Server.Client.PostAsync("/api/api-token-auth/",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = "correct-horse-battery" }));
        var token = JsonDocument.Parse(await right.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        var identity = await registry.Anonymous().QueryAsync("registry/identity");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.StartsWith("sregcli_", token);
        Assert.Equal(HttpStatusCode.OK, (await new SRegistryCliClient(registry.Server.Client, registry.Url, user, token).PushAsync(file, collection, "app", "v1")).Status);
        Assert.Equal(HttpStatusCode.OK, identity.Status);
    }

    private async Task<(string File, string Collection)> NewImageAsync() =>
        (await SifFiles.CreateAsync(registry.Files), LibraryServerFixture.UniqueName("col"));

    private async Task CreatePrivateCollectionAsync(string name)
    {
        var entity = await LibraryGetAsync("/v1/entities/default");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/collections")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { name, entity = entity.GetProperty("data").GetProperty("id").GetString(), @private = true }), Encoding.UTF8),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", registry.AliceToken);
        using var response = await registry.Server.Client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> LibraryGetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", registry.AliceToken);
        using var response = await registry.Server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Sha256(string file) => SifFiles.LibraryHash(file);
}
