using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SRegistry.Server.Tests.SRegistryCli;

/// <summary>
/// sregistry-cli's registry client (<c>sregistry/main/registry/</c>: auth.py, push.py, pull.py, delete.py,
/// query.py) rewritten request for request: the same paths, headers, signatures and multipart layout as
/// the Python client with requests and requests_toolbelt's MultipartEncoder sends them.
/// </summary>
public sealed class SRegistryCliClient(HttpClient http, Uri registry, string? userName, string? token)
{
    /// <summary>What every request carries, as python-requests sends it.</summary>
    private const string UserAgent = "python-requests/2.31.0";

    /// <summary>The clock the client signs with; tests move it to probe the server's window.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    private string Api => registry.ToString().TrimEnd('/') + "/api";

    /// <summary>auth.py's <c>authorize</c>: the Authorization value for a request of <paramref name="kind"/>.</summary>
    public string Authorize(string kind, string collection, string image, string tag)
    {
        var timestamp = (SigningTime ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyyMMdd'T'HH'Z'", CultureInfo.InvariantCulture);
        var credential = $"{kind}/{Convert.ToBase64String(Encoding.UTF8.GetBytes(userName ?? ""))}/{timestamp}";
        return $"SREGISTRY-HMAC-SHA256 Credential={credential},Signature={Sign(token ?? "", $"{kind}|{collection}|{timestamp}|{image}|{tag}|")}";
    }

    /// <summary>utils.py's <c>generate_signature</c>: lowercase hex HMAC-SHA256 keyed by the token.</summary>
    public static string Sign(string key, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(payload)));

    /// <summary>push.py step 1: <c>POST /api/upload/chunked_upload</c>, JSON body, signed <c>push</c>.</summary>
    public async Task<CliResponse> RequestPushAsync(string collection, string name, string tag)
    {
        using var request = Request(HttpMethod.Post, $"{Api}/upload/chunked_upload");
        request.Headers.TryAddWithoutValidation("Authorization", Authorize("push", collection, name, tag));
        request.Content = new StringContent(JsonSerializer.Serialize(new { collection, name, tag }), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await SendAsync(request);
    }

    /// <summary>push.py step 2: <c>POST /upload</c>, multipart fields in the client's order, signed <c>upload</c>.</summary>
    /// <param name="truncateAt">For tests: cut the body after this many bytes (the connection breaking off).</param>
    public async Task<CliResponse> UploadAsync(string file, string cid, string collection, string name, string tag, long? truncateAt = null)
    {
        var signature = Authorize("upload", collection, name, tag);
        var boundary = Guid.NewGuid().ToString("N");
        var head = new StringBuilder();
        foreach (var (field, value) in new[] { ("SREGISTRY_EVENT", signature), ("name", name), ("collection", cid), ("tag", tag) })
            head.Append(CultureInfo.InvariantCulture, $"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"--{boundary}\r\nContent-Disposition: form-data; name=\"file1\"; filename=\"{name}:{tag}.sif\"\r\nContent-Type: text/plain\r\n\r\n");
        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        var tailBytes = Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n");

        await using var body = new MemoryStream();
        body.Write(headBytes);
        await using (var content = File.OpenRead(file))
            await content.CopyToAsync(body);
        body.Write(tailBytes);
        var bytes = body.ToArray();
        if (truncateAt is { } cut)
            bytes = bytes[..(int)cut];

        using var request = Request(HttpMethod.Post, registry.ToString().TrimEnd('/') + "/upload");
        request.Headers.TryAddWithoutValidation("Authorization", signature);
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return await SendAsync(request);
    }

    /// <summary>push.py end to end: the cid from step 1 goes into step 2. Returns the upload's response.</summary>
    public async Task<CliResponse> PushAsync(string file, string collection, string name, string tag)
    {
        var first = await RequestPushAsync(collection, name, tag);
        if (first.Status != HttpStatusCode.OK) return first;
        return await UploadAsync(file, first.Json.GetProperty("cid").GetRawText(), collection, name, tag);
    }

    /// <summary>pull.py: unsigned first, signed <c>pull</c> again after a 403.</summary>
    public async Task<(CliResponse First, CliResponse Final)> PullManifestAsync(string collection, string name, string tag)
    {
        var url = $"{Api}/container/{collection}/{name}:{tag}";
        var first = await GetAsync(url, null);
        if (first.Status != HttpStatusCode.Forbidden || token is null) return (first, first);
        return (first, await GetAsync(url, Authorize("pull", collection, name, tag)));
    }

    /// <summary>The download: HEAD, then GET, both without credentials (the URL is the capability).</summary>
    public async Task<(HttpStatusCode Head, HttpStatusCode Get, byte[] Bytes)> DownloadAsync(string url)
    {
        using var head = Request(HttpMethod.Head, url);
        using var headResponse = await http.SendAsync(head);
        using var get = Request(HttpMethod.Get, url);
        using var response = await http.SendAsync(get);
        return (headResponse.StatusCode, response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>pull.py end to end: manifest, then the file. Returns the manifest and the bytes.</summary>
    public async Task<(JsonElement Manifest, byte[] Bytes)> PullAsync(string collection, string name, string tag)
    {
        var (_, manifest) = await PullManifestAsync(collection, name, tag);
        Assert.True(manifest.Status == HttpStatusCode.OK, manifest.ToString());
        var download = await DownloadAsync(manifest.Json.GetProperty("image").GetString()!);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (download.Head, download.Get));
        return (manifest.Json, download.Bytes);
    }

    /// <summary>delete.py: <c>DELETE /api/container/&lt;collection&gt;/&lt;name&gt;:&lt;tag&gt;</c>, signed <c>delete</c>.</summary>
    public async Task<CliResponse> DeleteAsync(string collection, string name, string tag)
    {
        using var request = Request(HttpMethod.Delete, $"{Api}/container/{collection}/{name}:{tag}");
        JsonHeaders(request);
        request.Headers.TryAddWithoutValidation("Authorization", Authorize("delete", collection, name, tag));
        return await SendAsync(request);
    }

    /// <summary>query.py's unsigned GETs (<c>collections/</c>, <c>collection/x</c>, <c>container/search/…</c>, <c>labels/search…</c>).</summary>
    public Task<CliResponse> QueryAsync(string pathUnderApi) => GetAsync($"{Api}/{pathUnderApi}", null);

    /// <summary>A query with a <c>pull</c> signature over what it names (not something the client does on its own).</summary>
    public Task<CliResponse> SignedQueryAsync(string pathUnderApi, string collection, string name, string tag) =>
        GetAsync($"{Api}/{pathUnderApi}", Authorize("pull", collection, name, tag));

    private async Task<CliResponse> GetAsync(string url, string? authorization)
    {
        using var request = Request(HttpMethod.Get, url);
        JsonHeaders(request);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await SendAsync(request);
    }

    // base/headers.py: _get and _delete send the client's default headers, {"Content-Type": "application/json"},
    // with no body.
    private static void JsonHeaders(HttpRequestMessage request)
    {
        request.Content = new ByteArrayContent([]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    private static HttpRequestMessage Request(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate");
        return request;
    }

    private async Task<CliResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        return new CliResponse($"{request.Method} {request.RequestUri!.AbsolutePath}", response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
