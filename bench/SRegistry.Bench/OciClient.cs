using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SRegistry.Bench;

/// <summary>
/// The few requests of the OCI distribution spec the bench times, the way a good client sends them:
/// bodies streamed from a file with a known length, downloads read as they arrive (never buffered) and
/// hashed on the way. With <paramref name="credentials"/> (user and API token) it takes a bearer token for
/// <paramref name="repository"/> from the registry's <c>/v2/token</c> (<see cref="AuthorizeAsync"/>);
/// without, it is anonymous.
/// </summary>
internal sealed class OciClient(HttpClient http, Uri registry, string repository, (string User, string Secret)? credentials)
{
    private string? _bearer;

    /// <summary>A client tuned for big bodies: no decompression, no cookies, no proxy, Nagle off, and streamed bodies.</summary>
    public static HttpClient CreateHttp() => new(new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = true,
        MaxConnectionsPerServer = 256,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        Timeout = TimeSpan.FromHours(1),
    };

    /// <summary>Takes a fresh pull+push token (tokens live minutes; the clock is not running yet). Does nothing when anonymous.</summary>
    public async Task AuthorizeAsync()
    {
        if (credentials is not { } c) return;
        var scope = Uri.EscapeDataString($"repository:{repository}:pull,push");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(registry, $"/v2/token?service=sregistry&scope={scope}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{c.User}:{c.Secret}")));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new BenchFailure($"GET /v2/token answered {(int)response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        _bearer = body.RootElement.TryGetProperty("token", out var token) && token.GetString() is { Length: > 0 } t ? t
            : throw new BenchFailure($"GET /v2/token answered no token: {text}");
    }

    /// <summary>POST an upload, then PUT the whole file with <c>?digest=</c>.</summary>
    public async Task PushMonolithicAsync(string file, string digest)
    {
        var location = await StartUploadAsync();
        await FinishAsync(location, digest, new FileSliceContent(file, 0, new FileInfo(file).Length));
    }

    /// <summary>POST an upload, PATCH the file in chunks with <c>Content-Range</c> (following each answer's Location), then PUT <c>?digest=</c>.</summary>
    public async Task PushChunkedAsync(string file, string digest, long chunkSize)
    {
        var location = await StartUploadAsync();
        var length = new FileInfo(file).Length;
        for (long offset = 0; offset < length; offset += chunkSize)
        {
            var count = Math.Min(chunkSize, length - offset);
            using var request = Request(HttpMethod.Patch, location);
            request.Content = new FileSliceContent(file, offset, count);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            request.Content.Headers.TryAddWithoutValidation("Content-Range", $"{offset}-{offset + count - 1}");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await Expect(response, HttpStatusCode.Accepted, $"PATCH of bytes {offset}-{offset + count - 1}");
            location = NextLocation(response, location);
        }
        await FinishAsync(location, digest, null);
    }

    /// <summary>GET the blob, hashing it as it arrives; returns its size and digest.</summary>
    public async Task<(long Size, string Digest)> PullAsync(string digest)
    {
        using var request = Request(HttpMethod.Get, new Uri(registry, $"/v2/{repository}/blobs/{digest}"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await Expect(response, HttpStatusCode.OK, $"GET of blob {digest}");
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ReferenceFile.ChunkSize];
        long size = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }
        return (size, "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private async Task<Uri> StartUploadAsync()
    {
        using var request = Request(HttpMethod.Post, new Uri(registry, $"/v2/{repository}/blobs/uploads/"));
        request.Content = new ByteArrayContent([]);
        using var response = await http.SendAsync(request);
        await Expect(response, HttpStatusCode.Accepted, "POST of an upload");
        return NextLocation(response, null);
    }

    private async Task FinishAsync(Uri location, string digest, HttpContent? body)
    {
        var separator = string.IsNullOrEmpty(location.Query) ? "?" : "&";
        using var request = Request(HttpMethod.Put, new Uri(location.AbsoluteUri + separator + "digest=" + Uri.EscapeDataString(digest)));
        request.Content = body ?? new ByteArrayContent([]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.SendAsync(request);
        await Expect(response, HttpStatusCode.Created, $"PUT ?digest={digest}");
        var answered = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
        if (answered is not null && answered != digest) throw new BenchFailure($"MISMATCH: PUT ?digest={digest} answered Docker-Content-Digest {answered}");
    }

    private HttpRequestMessage Request(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        if (_bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bearer);
        return request;
    }

    private Uri NextLocation(HttpResponseMessage response, Uri? current) =>
        response.Headers.Location is { } location ? new Uri(registry, location)
        : current ?? throw new BenchFailure($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered no Location");

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode == status) return;
        var text = await response.Content.ReadAsStringAsync();
        throw new BenchFailure($"{what} answered {(int)response.StatusCode} (expected {(int)status}): {text[..Math.Min(text.Length, 500)]}");
    }
}
