using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace SRegistry.Plugins.GoogleBuild.Tests.Fakes;

/// <summary>
/// The Cloud Storage JSON API endpoints the plugin uses, objects kept as files: resumable uploads
/// (initiate, PUT chunks with Content-Range answered by 308 + Range, DELETE to cancel), metadata,
/// alt=media downloads with Range, rewriteTo with ifGenerationMatch / ifSourceGenerationMatch, delete.
/// </summary>
public sealed partial class FakeCloudStorage(string directory, FakeGoogleServer server) : IDisposable
{
    public const string Bucket = "test-bucket";
    private const int Granularity = 256 * 1024;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeObject> _objects = [];
    private readonly Dictionary<string, FakeUploadSession> _sessions = [];
    private long _generation = 1_700_000_000_000_000;

    /// <summary>When set, non-final chunks are persisted 256 KiB short, as Cloud Storage may do; the client must resend the rest.</summary>
    public bool PersistLessThanSent { get; set; }

    public IReadOnlyCollection<string> ObjectNames { get { lock (_lock) return [.. _objects.Keys]; } }

    public int OpenSessionCount { get { lock (_lock) return _sessions.Values.Count(s => s.Open); } }

    public int OpenSessionsFor(string prefix) { lock (_lock) return _sessions.Values.Count(s => s.Open && s.Name.StartsWith(prefix, StringComparison.Ordinal)); }

    /// <summary>Puts an object directly, as another writer (a build, a client with a signed URL) would.</summary>
    public void PutObject(string name, string sourceFile)
    {
        var file = NewFile();
        File.Copy(sourceFile, file);
        lock (_lock) Replace(name, file);
    }

    public byte[]? ReadObject(string name)
    {
        lock (_lock) return _objects.TryGetValue(name, out var found) ? File.ReadAllBytes(found.File) : null;
    }

    public async Task ServeAsync(HttpContext context, RecordedRequest request, string[] path)
    {
        var query = context.Request.Query;
        switch (context.Request.Method, path)
        {
            case (_, [_, _, _, "b", var bucket, ..]) when bucket != Bucket:
                await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", "The specified bucket does not exist.");
                break;
            case ("POST", ["upload", "storage", "v1", "b", _, "o"]) when query["uploadType"] == "resumable" && query["name"].Count == 1:
                StartSession(context, query["name"]!);
                break;
            case ("PUT", ["upload", "storage", "v1", "b", _, "o"]) when query["upload_id"].Count == 1:
                await PutChunkAsync(context, query["upload_id"]!);
                break;
            case ("DELETE", ["upload", "storage", "v1", "b", _, "o"]) when query["upload_id"].Count == 1:
                lock (_lock)
                {
                    if (_sessions.TryGetValue(query["upload_id"]!, out var session) && session.Open)
                    {
                        session.Open = false;
                        File.Delete(session.File);
                    }
                }

                context.Response.StatusCode = 499;
                break;
            case ("GET", ["storage", "v1", "b", _, "o", var name]) when query["alt"] == "media":
                await ServeMediaAsync(context, name);
                break;
            case ("GET", ["storage", "v1", "b", _, "o", var name]):
                if (Find(name) is { } found) await context.Response.WriteAsJsonAsync(found.Resource());
                else await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", $"No such object: {Bucket}/{name}");
                break;
            case ("DELETE", ["storage", "v1", "b", _, "o", var name]):
                FakeObject? removed;
                lock (_lock) _objects.Remove(name, out removed);
                if (removed is null) await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", $"No such object: {Bucket}/{name}");
                else
                {
                    File.Delete(removed.File);
                    context.Response.StatusCode = 204;
                }

                break;
            case ("POST", ["storage", "v1", "b", _, "o", var source, "rewriteTo", "b", var targetBucket, "o", var target]) when targetBucket == Bucket:
                await RewriteAsync(context, source, target);
                break;
            default:
                await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", $"The fake does not implement {request.Method} {request.Target}.");
                break;
        }
    }

    public Task ServeSignedAsync(HttpContext context, RecordedRequest request, string[] path) =>
        FakeSignedUrls.ServeAsync(context, request, path, this, server);

    internal FakeObject? Find(string name)
    {
        lock (_lock) return _objects.GetValueOrDefault(name);
    }

    internal string NewFile() => Path.Combine(directory, Guid.NewGuid().ToString("N"));

    internal void Replace(string name, string file)
    {
        if (_objects.TryGetValue(name, out var previous)) File.Delete(previous.File);
        _objects[name] = new FakeObject(name, file, new FileInfo(file).Length, ++_generation, DateTimeOffset.UtcNow);
    }

    internal void ReplaceLocked(string name, string file)
    {
        lock (_lock) Replace(name, file);
    }

    internal static async Task ServeRangeAsync(HttpContext context, FakeObject found)
    {
        var range = context.Request.Headers.Range.ToString();
        if (range.Length == 0)
        {
            context.Response.ContentLength = found.Size;
            await context.Response.SendFileAsync(found.File);
            return;
        }

        var match = RangePattern().Match(range);
        var start = match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : long.MaxValue;
        if (start >= found.Size)
        {
            context.Response.StatusCode = 416;
            context.Response.Headers.ContentRange = $"bytes */{found.Size}";
            return;
        }

        var end = match.Groups[2].Success ? Math.Min(long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), found.Size - 1) : found.Size - 1;
        context.Response.StatusCode = 206;
        context.Response.Headers.ContentRange = $"bytes {start}-{end}/{found.Size}";
        context.Response.ContentLength = end - start + 1;
        await context.Response.SendFileAsync(found.File, start, end - start + 1);
    }

    private async Task ServeMediaAsync(HttpContext context, string name)
    {
        if (Find(name) is { } found) await ServeRangeAsync(context, found);
        else await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", $"No such object: {Bucket}/{name}");
    }

    private async Task RewriteAsync(HttpContext context, string sourceName, string target)
    {
        var query = context.Request.Query;
        if (Find(sourceName) is not { } source)
        {
            await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", $"No such object: {Bucket}/{sourceName}");
            return;
        }

        var copy = NewFile();
        File.Copy(source.File, copy);
        FakeObject? created = null;
        lock (_lock)
        {
            var current = _objects.GetValueOrDefault(target);
            var sourceMatches = query["ifSourceGenerationMatch"].Count == 0 || query["ifSourceGenerationMatch"] == source.Generation.ToString(CultureInfo.InvariantCulture);
            var targetMatches = query["ifGenerationMatch"].Count == 0 || query["ifGenerationMatch"] == (current?.Generation ?? 0).ToString(CultureInfo.InvariantCulture);
            if (sourceMatches && targetMatches)
            {
                Replace(target, copy);
                created = _objects[target];
            }
        }

        if (created is null)
        {
            File.Delete(copy);
            await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.PreconditionFailed, "FAILED_PRECONDITION", "At least one of the pre-conditions you specified did not hold.");
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            kind = "storage#rewriteResponse",
            totalBytesRewritten = created.Size.ToString(CultureInfo.InvariantCulture),
            objectSize = created.Size.ToString(CultureInfo.InvariantCulture),
            done = true,
            resource = created.Resource(),
        });
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [GeneratedRegex(@"^bytes=(\d+)-(\d+)?$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^bytes (?:(\d+)-(\d+)|\*)/(\d+|\*)$")]
    private static partial Regex ContentRangePattern();
}
