using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SRegistry.Bench;

/// <summary>
/// sregistry-cli's registry client, request for request (docs/protocols.md §2): push is
/// <c>POST /api/upload/chunked_upload</c> (signed <c>push</c>) for the collection id, then <c>POST /upload</c>
/// (signed <c>upload</c>) with a multipart/form-data body whose file part streams from disk with a known
/// Content-Length, so the bench never holds the image; pull is the manifest, then its download URL
/// streamed into a sha256.
/// </summary>
internal sealed class SRegistryCliPush(HttpClient http, Uri registry, string userName, string key)
{
    private const int ChunkSize = 1 << 20;

    /// <summary>The sregistry-cli token of an API token (<c>GET /api/token</c> with <c>Authorization: Bearer</c>).</summary>
    public static async Task<string> TokenAsync(HttpClient http, Uri registry, string apiToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(registry, "/api/token"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
        using var response = await http.SendAsync(request);
        var body = await Json(response, "GET /api/token");
        return body.TryGetProperty("token", out var token) && token.GetString() is { Length: > 0 } text
            ? text
            : throw new BenchFailure($"GET /api/token answered no token: {body}");
    }

    /// <summary>push.py step 1; returns the collection id.</summary>
    public async Task<string> RequestPushAsync(string collection, string name, string tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(registry, "/api/upload/chunked_upload"));
        request.Headers.TryAddWithoutValidation("Authorization", Authorize("push", collection, name, tag));
        request.Content = JsonContent.Create(new { collection, name, tag });
        using var response = await http.SendAsync(request);
        var body = await Json(response, "POST /api/upload/chunked_upload");
        return body.TryGetProperty("cid", out var cid) ? cid.GetRawText() : throw new BenchFailure($"chunked_upload answered no cid: {body}");
    }

    /// <summary>
    /// push.py step 2, with the fields in the client's order. Returns when the server has answered, and
    /// the time from the request's start to the moment the file's last byte was handed to the connection.
    /// </summary>
    public async Task<TimeSpan> UploadAsync(string file, string cid, string collection, string name, string tag)
    {
        var signature = Authorize("upload", collection, name, tag);
        var watch = Stopwatch.StartNew();
        await using var content = new EndWatchingStream(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan), watch);
        using var form = new MultipartFormDataContent(Guid.NewGuid().ToString("N"));
        form.Add(new StringContent(signature), "SREGISTRY_EVENT");
        form.Add(new StringContent(name), "name");
        form.Add(new StringContent(cid), "collection");
        form.Add(new StringContent(tag), "tag");
        var filePart = new StreamContent(content, ChunkSize);
        filePart.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(filePart, "file1", $"{name}:{tag}.sif");
        // Every part's length is known, so the whole body's is: HttpClient sends Content-Length and streams the parts.
        if (form.Headers.ContentLength is not { } length || length <= content.Length)
            throw new BenchFailure("the multipart body's length is unknown; HttpClient would have to buffer or chunk it");

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(registry, "/upload")) { Content = form };
        request.Headers.TryAddWithoutValidation("Authorization", signature);
        using var response = await http.SendAsync(request);
        var body = await Json(response, "POST /upload");
        if (content.Ended is not { } sent)
            throw new BenchFailure($"POST /upload answered {body} before the client sent the whole file");
        if (!body.TryGetProperty("message", out _))
            throw new BenchFailure($"POST /upload answered no message: {body}");
        return sent;
    }

    /// <summary>pull.py: the manifest (unsigned, signed <c>pull</c> again after a 403), then its download URL (HEAD, then GET, no credentials) hashed as it streams.</summary>
    public async Task<(string Version, long Size, string Sha256, TimeSpan Download)> PullAsync(string collection, string name, string tag)
    {
        var manifest = new Uri(registry, $"/api/container/{collection}/{name}:{tag}");
        using var unsigned = await http.GetAsync(manifest);
        JsonElement body;
        if (unsigned.StatusCode == HttpStatusCode.Forbidden)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, manifest);
            request.Headers.TryAddWithoutValidation("Authorization", Authorize("pull", collection, name, tag));
            using var signed = await http.SendAsync(request);
            body = await Json(signed, $"GET {manifest.AbsolutePath} (signed pull)");
        }
        else
        {
            body = await Json(unsigned, $"GET {manifest.AbsolutePath}");
        }
        var image = body.TryGetProperty("image", out var url) && url.GetString() is { Length: > 0 } u ? new Uri(u)
            : throw new BenchFailure($"the manifest has no image URL: {body}");
        var version = body.TryGetProperty("version", out var v) ? v.GetString() ?? "" : "";

        var watch = Stopwatch.StartNew();
        using (var headRequest = new HttpRequestMessage(HttpMethod.Head, image))
        using (var head = await http.SendAsync(headRequest))
        {
            if (head.StatusCode != HttpStatusCode.OK) throw new BenchFailure($"HEAD {image.AbsolutePath} answered {(int)head.StatusCode}");
        }
        using var get = await http.GetAsync(image, HttpCompletionOption.ResponseHeadersRead);
        if (get.StatusCode != HttpStatusCode.OK)
            throw new BenchFailure($"GET {image.AbsolutePath} answered {(int)get.StatusCode}: {await get.Content.ReadAsStringAsync()}");
        await using var stream = await get.Content.ReadAsStreamAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        long size = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }
        return (version, size, Convert.ToHexStringLower(hash.GetHashAndReset()), watch.Elapsed);
    }

    /// <summary>auth.py's <c>authorize</c>: <c>SREGISTRY-HMAC-SHA256 Credential=&lt;kind&gt;/&lt;base64 user&gt;/&lt;ts&gt;,Signature=&lt;hex&gt;</c>.</summary>
    private string Authorize(string kind, string collection, string image, string tag)
    {
        var timestamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HH'Z'", CultureInfo.InvariantCulture);
        var message = $"{kind}|{collection}|{timestamp}|{image}|{tag}|";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message)));
        return $"SREGISTRY-HMAC-SHA256 Credential={kind}/{Convert.ToBase64String(Encoding.UTF8.GetBytes(userName))}/{timestamp},Signature={signature}";
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new BenchFailure($"{what} answered {(int)response.StatusCode}: {text}");
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new BenchFailure($"{what} answered {(int)response.StatusCode} with no JSON: {text}");
        }
    }

    /// <summary>A read-only pass-through that notes the moment its content is read to the end (the upload's last byte goes out).</summary>
    private sealed class EndWatchingStream(Stream inner, Stopwatch watch) : Stream
    {
        public TimeSpan? Ended { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => Note(inner.Read(buffer, offset, count), count);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Note(await inner.ReadAsync(buffer, cancellationToken), buffer.Length);

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Note(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken), count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }

        private int Note(int read, int asked)
        {
            if (read == 0 && asked > 0) Ended ??= watch.Elapsed;
            return read;
        }
    }
}
