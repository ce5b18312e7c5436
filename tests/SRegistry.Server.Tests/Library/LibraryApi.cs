using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SRegistry.Server.Tests.Library;

/// <summary>
/// The library API over plain HTTP, sent the way the Go clients send it: JSON bodies without a
/// Content-Type header, <c>Authorization: Bearer &lt;token&gt;</c> when there is a token, and nothing
/// but the bytes to an upload URL. For tests that send what the real client never would.
/// </summary>
public sealed class LibraryApi(HttpClient http, string? token)
{
    /// <summary>The same server, as another caller (null: anonymous).</summary>
    public LibraryApi As(string? otherToken) => new(http, otherToken);

    public Task<LibraryResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<LibraryResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>POSTs <paramref name="body"/> serialized as JSON (property names as written), or a string as it is.</summary>
    public Task<LibraryResponse> PostAsync(string path, object body) =>
        SendAsync(HttpMethod.Post, path, body as string ?? JsonSerializer.Serialize(body));

    public async Task<LibraryResponse> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // ByteArrayContent sets no Content-Type, as the Go clients send none.
        if (json is not null) request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        using var response = await http.SendAsync(request);
        return new LibraryResponse($"{method} {path}", response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>PUTs raw bytes to an upload URL as the client does: octet-stream, no Authorization.</summary>
    public async Task<LibraryResponse> PutBytesAsync(string uploadUrl, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.SendAsync(request);
        return new LibraryResponse($"PUT {new Uri(uploadUrl).AbsolutePath}", response.StatusCode, await response.Content.ReadAsStringAsync())
        {
            ETag = response.Headers.ETag?.Tag,
        };
    }

    /// <summary>The id of an entity that must exist.</summary>
    public async Task<string> EntityIdAsync(string name) => Id((await GetAsync($"/v1/entities/{name}")).Data());

    /// <summary>The ids of an entity's collections, sorted, to prove that a refused request created none.</summary>
    public async Task<List<string>> CollectionIdsAsync(string entity) =>
        [.. (await GetAsync($"/v1/entities/{entity}")).Data().GetProperty("collections").EnumerateArray().Select(c => c.GetString()!).Order(StringComparer.Ordinal)];

    public async Task<string> CreateCollectionAsync(string entityId, string name, bool isPrivate = false) =>
        Id((await PostAsync("/v1/collections", new { name, entity = entityId, @private = isPrivate })).Data());

    public async Task<string> CreateContainerAsync(string collectionId, string name) =>
        Id((await PostAsync("/v1/containers", new { name, collection = collectionId })).Data());

    /// <summary>Creates an image as <c>singularity push</c> does: by hash, arch unknown until the bytes arrive.</summary>
    public async Task<string> CreateImageAsync(string containerId, string hash) =>
        Id((await PostAsync("/v1/images", new { hash, container = containerId })).Data());

    /// <summary>Asks for an upload URL for <paramref name="file"/>'s bytes (size and bare-hex sha256, as the client announces them).</summary>
    public Task<LibraryResponse> RequestUploadAsync(string imageId, string file) =>
        PostAsync($"/v2/imagefile/{imageId}", new { filesize = new FileInfo(file).Length, sha256sum = SifFiles.LibraryHash(file)["sha256.".Length..], md5sum = "" });

    /// <summary>An upload URL that must be handed out.</summary>
    public async Task<string> BeginUploadAsync(string imageId, string file) =>
        (await RequestUploadAsync(imageId, file)).Data().GetProperty("uploadURL").GetString()!;

    /// <summary>The whole v2 single-part upload: URL, bytes, <c>_complete</c>; each step must succeed.</summary>
    public async Task UploadAsync(string imageId, string file)
    {
        var url = await BeginUploadAsync(imageId, file);
        (await PutBytesAsync(url, await File.ReadAllBytesAsync(file))).Ok();
        (await SendAsync(HttpMethod.Put, $"/v2/imagefile/{imageId}/_complete", "{}")).Data();
    }

    public Task<LibraryResponse> SetTagAsync(string containerId, string imageId, string tag, string arch = "amd64") =>
        PostAsync($"/v2/tags/{containerId}", new { Arch = arch, Tag = tag, ImageID = imageId });

    /// <summary>Creates, uploads and tags an image, as a push does; returns the image id.</summary>
    public async Task<string> PushAsync(string containerId, string file, string? tag)
    {
        var imageId = await CreateImageAsync(containerId, SifFiles.LibraryHash(file));
        await UploadAsync(imageId, file);
        if (tag is not null) (await SetTagAsync(containerId, imageId, tag)).Data();
        return imageId;
    }

    /// <summary>The <c>{arch: {tag: imageId}}</c> map of a container, as its owner sees it.</summary>
    public async Task<string> TagsAsync(string containerId) => (await GetAsync($"/v2/tags/{containerId}")).Data().GetRawText();

    private static string Id(JsonElement data) => data.GetProperty("id").GetString()!;
}

/// <summary>What the server answered to one request.</summary>
public sealed record LibraryResponse(string Request, HttpStatusCode Status, string Body)
{
    /// <summary>The ETag header, quotes included, as clients echo it (a multipart part's token).</summary>
    public string? ETag { get; init; }

    /// <summary>Asserts a 200 and returns the envelope's <c>data</c>.</summary>
    public JsonElement Data()
    {
        Ok();
        using var json = JsonDocument.Parse(Body);
        Assert.True(json.RootElement.TryGetProperty("data", out var data), $"{Request}: no 'data' in {Body}");
        return data.Clone();
    }

    /// <summary>Asserts a 200.</summary>
    public void Ok() => Assert.True(Status == HttpStatusCode.OK, $"{Request} answered {(int)Status}: {Body}");

    /// <summary>
    /// Asserts the status and the error envelope <c>{"error":{"code":&lt;status&gt;,"message":"…"}}</c> whose
    /// message names each of <paramref name="mentions"/> (case-insensitive); returns the message.
    /// </summary>
    public string Error(HttpStatusCode status, params string[] mentions)
    {
        Assert.True(Status == status, $"{Request}: expected {(int)status}, got {(int)Status}: {Body}");
        JsonElement error;
        try
        {
            using var json = JsonDocument.Parse(Body);
            Assert.True(json.RootElement.TryGetProperty("error", out error), $"{Request}: no error envelope in {Body}");
            error = error.Clone();
        }
        catch (JsonException e)
        {
            Assert.Fail($"{Request}: the body is not JSON ({e.Message}): '{Body}'");
            throw;
        }

        Assert.True(
            error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() == (int)status,
            $"{Request}: the envelope's code must be {(int)status}: {Body}");
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        Assert.False(string.IsNullOrWhiteSpace(message), $"{Request}: the error message is empty: {Body}");
        foreach (var mention in mentions)
        {
            Assert.True(message.Contains(mention, StringComparison.OrdinalIgnoreCase), $"{Request}: the message should mention '{mention}': {message}");
        }

        return message;
    }
}
