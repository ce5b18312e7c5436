using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SRegistry.Plugins.GoogleBuild.Tests.Fakes;

/// <summary>
/// Cloud Build REST API v1 for one project: create (answered with the long-running operation),
/// get, cancel (a finished build is a failed precondition) and list with the tag/create_time
/// filter. The test plays the builder with <see cref="Finish"/>.
/// </summary>
public sealed class FakeCloudBuild
{
    public const string Project = "test-project";

    public ConcurrentDictionary<string, FakeBuild> Builds { get; } = new();

    /// <summary>Adds a build as if an earlier process had submitted it.</summary>
    public FakeBuild Add(JsonObject definition, DateTimeOffset created)
    {
        var build = new FakeBuild(Guid.NewGuid().ToString(), definition, created);
        Builds[build.Id] = build;
        return build;
    }

    /// <summary>Ends the build with <paramref name="status"/>; <paramref name="digestOutput"/> becomes step 3's output.</summary>
    public void Finish(string id, string status, string? digestOutput = null, string? detail = null)
    {
        var build = Builds[id];
        build.Status = status;
        build.StatusDetail = detail;
        if (digestOutput is not null) build.StepOutputs = ["", "", "", Convert.ToBase64String(Encoding.UTF8.GetBytes(digestOutput)), ""];
    }

    public async Task ServeAsync(HttpContext context, RecordedRequest request, string[] path)
    {
        switch (context.Request.Method, path)
        {
            case (_, ["v1", "projects", var project, ..]) when project != Project:
                await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", $"Project {project} not found.");
                break;
            case ("POST", ["v1", "projects", _, "builds"]):
                var build = Add(JsonNode.Parse(request.Body)!.AsObject(), DateTimeOffset.UtcNow);
                await WriteJsonAsync(context, new JsonObject
                {
                    ["name"] = $"operations/build/{Project}/{Convert.ToBase64String(Encoding.UTF8.GetBytes(build.Id))}",
                    ["metadata"] = new JsonObject
                    {
                        ["@type"] = "type.googleapis.com/google.devtools.cloudbuild.v1.BuildOperationMetadata",
                        ["build"] = build.Resource(),
                    },
                });
                break;
            case ("GET", ["v1", "projects", _, "builds"]):
                await ListAsync(context);
                break;
            case ("GET", ["v1", "projects", _, "builds", var id]):
                if (Builds.TryGetValue(id, out var found)) await WriteJsonAsync(context, found.Resource());
                else await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", $"Build {id} not found.");
                break;
            case ("POST", ["v1", "projects", _, "builds", var cancel]) when cancel.EndsWith(":cancel", StringComparison.Ordinal):
                await CancelAsync(context, cancel[..^":cancel".Length]);
                break;
            default:
                await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", $"The fake does not implement {request.Method} {request.Target}.");
                break;
        }
    }

    private async Task CancelAsync(HttpContext context, string id)
    {
        if (!Builds.TryGetValue(id, out var build))
            await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.NotFound, "NOT_FOUND", $"Build {id} not found.");
        else if (build.IsFinished)
            await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.BadRequest, "FAILED_PRECONDITION", $"Build {id} is already finished.");
        else
        {
            build.Status = "CANCELLED";
            await WriteJsonAsync(context, build.Resource());
        }
    }

    private async Task ListAsync(HttpContext context)
    {
        // Only the filter shape the plugin sends: tags="<tag>" AND create_time>"<RFC 3339>".
        var filter = context.Request.Query["filter"].ToString();
        var parts = filter.Split(" AND ");
        if (parts is not [var tags, var created] || !tags.StartsWith("tags=\"", StringComparison.Ordinal) || !created.StartsWith("create_time>\"", StringComparison.Ordinal))
        {
            await FakeGoogleServer.WriteErrorAsync(context, HttpStatusCode.BadRequest, "INVALID_ARGUMENT", $"Unsupported filter: {filter}");
            return;
        }

        var tag = tags["tags=\"".Length..^1];
        var since = DateTimeOffset.Parse(created["create_time>\"".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        var matching = Builds.Values.Where(b => b.Tags.Contains(tag) && b.Created > since).OrderByDescending(b => b.Created).ToList();
        var pageSize = int.Parse(context.Request.Query["pageSize"].ToString() is { Length: > 0 } size ? size : "50", System.Globalization.CultureInfo.InvariantCulture);
        var offset = int.TryParse(context.Request.Query["pageToken"], out var token) ? token : 0;
        var page = new JsonObject { ["builds"] = new JsonArray([.. matching.Skip(offset).Take(pageSize).Select(b => (JsonNode)b.Resource())]) };
        if (offset + pageSize < matching.Count) page["nextPageToken"] = (offset + pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteJsonAsync(context, page);
    }

    private static async Task WriteJsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
