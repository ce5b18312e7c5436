using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace SRegistry.Plugins.GoogleBuild.Tests.Fakes;

/// <summary>The fake bucket's resumable uploads: session URIs, chunks checked against Content-Range, 308 with Range.</summary>
public sealed partial class FakeCloudStorage
{
    private void StartSession(HttpContext context, string name)
    {
        var id = Guid.NewGuid().ToString("N");
        var file = NewFile();
        File.WriteAllBytes(file, []);
        lock (_lock) _sessions[id] = new FakeUploadSession(name, file);
        context.Response.Headers.Location = $"{server.BaseUrl}upload/storage/v1/b/{Bucket}/o?uploadType=resumable&upload_id={id}";
    }

    private async Task PutChunkAsync(HttpContext context, string id)
    {
        FakeUploadSession? session;
        lock (_lock) session = _sessions.GetValueOrDefault(id);
        if (session is not { Open: true })
        {
            await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", "No such upload session (cancelled or finished).");
            return;
        }

        var match = ContentRangePattern().Match(context.Request.Headers.ContentRange.ToString());
        long? total = match.Success && match.Groups[3].Value != "*" ? long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : null;
        long? first = match.Groups[1].Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        long length = first is null ? 0 : long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) - first.Value + 1;
        string? problem = !match.Success ? "Content-Range is missing or malformed."
            : first is not null && first != session.Persisted ? $"The chunk starts at {first}, but {session.Persisted} bytes are persisted."
            : total is null && (first is null || length % Granularity != 0) ? "A chunk that is not the last must be a multiple of 256 KiB."
            : context.Request.ContentLength != length ? "Content-Length does not match Content-Range."
            : null;
        if (problem is null)
        {
            await using (var file = new FileStream(session.File, FileMode.Append)) await context.Request.Body.CopyToAsync(file);
            var kept = total is null && PersistLessThanSent && length > Granularity ? length - Granularity : length;
            session.Persisted += kept;
            if (kept != length) { using var file = new FileStream(session.File, FileMode.Open); file.SetLength(session.Persisted); }
            if (total is { } t && t != session.Persisted) problem = $"The upload ends at {session.Persisted} bytes, not the declared {t}.";
        }

        if (problem is not null)
        {
            await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", problem);
            return;
        }

        if (total is null)
        {
            context.Response.StatusCode = 308;
            if (session.Persisted > 0) context.Response.Headers["Range"] = $"bytes=0-{session.Persisted - 1}";
            return;
        }

        FakeObject created;
        lock (_lock)
        {
            session.Open = false;
            Replace(session.Name, session.File);
            created = _objects[session.Name];
        }

        await context.Response.WriteAsJsonAsync(created.Resource());
    }
}
