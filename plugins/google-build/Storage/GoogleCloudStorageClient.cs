using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SRegistry.Plugins.GoogleBuild.Google;

namespace SRegistry.Plugins.GoogleBuild.Storage;

/// <summary>
/// The few Cloud Storage JSON API calls the plugin needs, on the plugin's authenticated HttpClient:
/// resumable uploads, media downloads with Range, metadata, rewrite with preconditions, delete.
/// </summary>
public sealed class GoogleCloudStorageClient(IHttpClientFactory httpClients, IOptions<GoogleBuildOptions> options)
{
    /// <summary>The name of the HttpClient that carries the plugin's access token.</summary>
    public const string HttpClientName = "google-build";

    private readonly string _base = options.Value.StorageBaseUrl.TrimEnd('/');
    private readonly string _bucket = options.Value.Bucket;

    /// <summary>Starts a resumable upload of a new object and returns its session URI.</summary>
    public async Task<Uri> StartResumableUploadAsync(string name, CancellationToken cancellationToken)
    {
        var url = $"{_base}/upload/storage/v1/b/{Escape(_bucket)}/o?uploadType=resumable&name={Escape(name)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { name }) };
        request.Headers.Add("X-Upload-Content-Type", "application/octet-stream");
        using var response = await Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await GoogleApiException.EnsureSuccessAsync(response, $"Starting the upload of gs://{_bucket}/{name}", cancellationToken).ConfigureAwait(false);
        return response.Headers.Location ?? throw new InvalidOperationException("Cloud Storage started a resumable upload without a session URI (Location header).");
    }

    /// <summary>
    /// Sends <paramref name="count"/> bytes at absolute <paramref name="start"/>; <paramref name="total"/>
    /// is the object's size on the last request, null before. Returns how many bytes the server has
    /// persisted in all, and the object once the upload is complete.
    /// </summary>
    public async Task<(long Persisted, GcsObject? Completed)> PutChunkAsync(
        Uri session, byte[] buffer, int count, long start, long? total, CancellationToken cancellationToken)
    {
        var range = count == 0 ? $"bytes */{total}" : $"bytes {start}-{start + count - 1}/{(total is { } t ? t.ToString(CultureInfo.InvariantCulture) : "*")}";
        using var request = new HttpRequestMessage(HttpMethod.Put, session) { Content = new ByteArrayContent(buffer, 0, count) };
        request.Content.Headers.TryAddWithoutValidation("Content-Range", range);
        using var response = await Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode == 308)
        {
            // "Resume Incomplete": Range says what is persisted (bytes=0-N); none means nothing yet.
            var persisted = response.Headers.TryGetValues("Range", out var values) && values.First().Split('-') is [_, var last]
                ? long.Parse(last, CultureInfo.InvariantCulture) + 1
                : 0;
            return (persisted, null);
        }

        await GoogleApiException.EnsureSuccessAsync(response, "Uploading to Cloud Storage", cancellationToken).ConfigureAwait(false);
        var done = Parse(await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false));
        return (done.Size, done);
    }

    /// <summary>Cancels a resumable upload so nothing of it remains.</summary>
    public async Task CancelResumableUploadAsync(Uri session, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, session) { Content = new ByteArrayContent([]) };
        // Cloud Storage answers a cancelled session with 499; a session already gone is 404 or 410.
        using var response = await Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The object's metadata, or null when it does not exist.</summary>
    public async Task<GcsObject?> GetObjectAsync(string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ObjectUrl(name));
        using var response = await Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await GoogleApiException.EnsureSuccessAsync(response, $"Reading gs://{_bucket}/{name}", cancellationToken).ConfigureAwait(false);
        return Parse(await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Opens the object's bytes from <paramref name="offset"/> (at most <paramref name="length"/>),
    /// streamed; an empty stream when the range starts at or past the end; null when there is no object.
    /// With <paramref name="generation"/>, exactly that generation of it (null: the newest).
    /// </summary>
    public async Task<Stream?> DownloadAsync(string name, long offset, long? length, long? generation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ObjectUrl(name) + "?alt=media" + (generation is { } g ? $"&generation={g}" : ""));
        if (offset > 0 || length is not null) request.Headers.Range = new RangeHeaderValue(offset, length is { } l ? offset + l - 1 : null);
        var response = await Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            var status = response.StatusCode;
            response.Dispose();
            return status == HttpStatusCode.NotFound ? null : Stream.Null;
        }

        try
        {
            await GoogleApiException.EnsureSuccessAsync(response, $"Downloading gs://{_bucket}/{name}", cancellationToken).ConfigureAwait(false);
            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> (exactly generation <paramref name="sourceGeneration"/>) to
    /// <paramref name="destination"/> only if the destination does not exist. Returns false when it did.
    /// </summary>
    public async Task<bool> CopyIfAbsentAsync(string source, long sourceGeneration, string destination, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var url = $"{ObjectUrl(source)}/rewriteTo/b/{Escape(_bucket)}/o/{Escape(destination)}?ifGenerationMatch=0&ifSourceGenerationMatch={sourceGeneration}"
                      + (token is null ? "" : "&rewriteToken=" + Escape(token));
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { }) };
            using var response = await Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            // 412 is either precondition: the destination exists (the answer), or the source changed since it was checked.
            if (response.StatusCode == HttpStatusCode.PreconditionFailed)
                return await GetObjectAsync(destination, cancellationToken).ConfigureAwait(false) is not null
                    ? false
                    : throw new IOException($"gs://{_bucket}/{source} changed while it was being published; nothing was published. Upload again.");
            await GoogleApiException.EnsureSuccessAsync(response, $"Publishing gs://{_bucket}/{destination}", cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
            // Large objects across storage classes take several calls; the token carries the progress.
            token = body?["done"]?.GetValue<bool>() == true ? null : body?["rewriteToken"]?.GetValue<string>()
                ?? throw new InvalidOperationException("Cloud Storage answered an unfinished rewrite without a rewriteToken.");
        }
        while (token is not null);

        return true;
    }

    /// <summary>Deletes the object; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, ObjectUrl(name));
        using var response = await Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await GoogleApiException.EnsureSuccessAsync(response, $"Deleting gs://{_bucket}/{name}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static GcsObject Parse(JsonObject? json)
    {
        if (json is null) throw new InvalidOperationException("Cloud Storage answered without an object resource.");
        // The JSON API spells int64 fields as strings.
        return new GcsObject(
            json["name"]!.GetValue<string>(),
            long.Parse(json["size"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            long.Parse(json["generation"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(json["timeCreated"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    private string ObjectUrl(string name) => $"{_base}/storage/v1/b/{Escape(_bucket)}/o/{Escape(name)}";

    private Task<HttpResponseMessage> Send(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken) =>
        httpClients.CreateClient(HttpClientName).SendAsync(request, completion, cancellationToken);
}
