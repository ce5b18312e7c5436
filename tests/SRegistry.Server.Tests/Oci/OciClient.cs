using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SRegistry.Server.Tests.Oci;

/// <summary>
/// The distribution API over plain HTTP, sent as registry clients send it, with a bearer token (an API
/// token or one from <c>/v2/token</c>) or none. Responses are returned whole, for tests to inspect.
/// </summary>
public sealed class OciClient(HttpClient http, string? bearer)
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    public OciClient As(string? token) => new(http, token);

    public Uri BaseAddress => http.BaseAddress!;

    public async Task<OciResponse> SendAsync(HttpMethod method, string path, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        return await OciResponse.ReadAsync($"{method} {path}", response);
    }

    public Task<OciResponse> GetAsync(string path, Action<HttpRequestMessage>? configure = null) => SendAsync(HttpMethod.Get, path, null, configure);

    public Task<OciResponse> HeadAsync(string path) => SendAsync(HttpMethod.Head, path);

    /// <summary>A monolithic upload (<c>POST ?digest=</c>); returns the response.</summary>
    public Task<OciResponse> PostBlobAsync(string name, byte[] bytes, string? digest = null) =>
        SendAsync(HttpMethod.Post, $"/v2/{name}/blobs/uploads/?digest={digest ?? Digest(bytes)}", Octets(bytes));

    /// <summary>Uploads a blob that must be accepted; returns its digest.</summary>
    public async Task<string> PushBlobAsync(string name, byte[] bytes)
    {
        var response = await PostBlobAsync(name, bytes);
        response.Is(HttpStatusCode.Created);
        return Digest(bytes);
    }

    /// <summary>Starts an upload session that must be accepted; returns its relative Location.</summary>
    public async Task<string> StartUploadAsync(string name)
    {
        var response = await SendAsync(HttpMethod.Post, $"/v2/{name}/blobs/uploads/");
        response.Is(HttpStatusCode.Accepted);
        return response.Header("Location")!;
    }

    public Task<OciResponse> PatchAsync(string location, byte[] chunk, long? start)
    {
        var content = Octets(chunk);
        if (start is { } s) content.Headers.TryAddWithoutValidation("Content-Range", $"{s}-{s + chunk.Length - 1}");
        return SendAsync(HttpMethod.Patch, location, content);
    }

    public Task<OciResponse> PutManifestAsync(string name, string reference, string json, string mediaType = OciManifest)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return SendAsync(HttpMethod.Put, $"/v2/{name}/manifests/{reference}", content);
    }

    /// <summary>An image manifest pushed with its config and layers (all uploaded first); returns its digest and bytes.</summary>
    public async Task<(string Digest, string Json)> PushImageAsync(string name, string tag, params byte[][] layers)
    {
        var config = Encoding.UTF8.GetBytes($"{{\"architecture\":\"amd64\",\"os\":\"linux\",\"n\":\"{Guid.NewGuid():N}\"}}");
        await PushBlobAsync(name, config);
        foreach (var layer in layers) await PushBlobAsync(name, layer);
        var json = ImageManifest(config, layers);
        (await PutManifestAsync(name, tag, json)).Is(HttpStatusCode.Created);
        return (Digest(Encoding.UTF8.GetBytes(json)), json);
    }

    /// <summary>A bearer token from <c>GET /v2/token</c> with Basic credentials (null: anonymous) for the scopes.</summary>
    public async Task<string> TokenAsync(string? user, string? secret, params string[] scopes)
    {
        var response = await RequestTokenAsync(user, secret, scopes);
        response.Is(HttpStatusCode.OK);
        return response.Json().GetProperty("token").GetString()!;
    }

    public Task<OciResponse> RequestTokenAsync(string? user, string? secret, params string[] scopes)
    {
        var query = string.Join("&", new[] { "service=sregistry" }.Concat(scopes.Select(s => "scope=" + Uri.EscapeDataString(s))));
        return new OciClient(http, null).SendAsync(HttpMethod.Get, "/v2/token?" + query, null, request =>
        {
            if (user is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
        });
    }

    public static string ImageManifest(byte[] config, byte[][] layers, string configType = "application/vnd.oci.image.config.v1+json", string? subject = null, string? artifactType = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciManifest,
            ["artifactType"] = artifactType,
            ["config"] = Descriptor(configType, config),
            ["layers"] = layers.Select(l => Descriptor("application/vnd.oci.image.layer.v1.tar", l)).ToArray(),
            ["subject"] = subject is null ? null : new { mediaType = OciManifest, digest = subject, size = 1 },
        }.Where(p => p.Value is not null).ToDictionary());

    public static object Descriptor(string mediaType, byte[] content) => new { mediaType, digest = Digest(content), size = content.Length };

    public static string Digest(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static ByteArrayContent Octets(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
