using System.Text.Json.Nodes;

namespace SRegistry.Plugins.GoogleBuild.Tests.Fakes;

/// <summary>A build in the fake Cloud Build: what was submitted and how it stands.</summary>
public sealed class FakeBuild(string id, JsonObject definition, DateTimeOffset created)
{
    public string Id { get; } = id;

    public JsonObject Definition { get; } = definition;

    public DateTimeOffset Created { get; } = created;

    public string Status { get; set; } = "QUEUED";

    public string? StatusDetail { get; set; }

    public string[] StepOutputs { get; set; } = [];

    public IReadOnlyList<string> Tags => [.. (Definition["tags"]?.AsArray() ?? []).Select(t => t!.GetValue<string>())];

    public bool IsFinished => Status is not ("QUEUED" or "PENDING" or "WORKING");

    public Uri LogUrl => new($"https://console.cloud.google.com/cloud-build/builds/{Id}?project={FakeCloudBuild.Project}");

    /// <summary>The Build resource as the API returns it: the submitted fields plus the server's.</summary>
    public JsonObject Resource()
    {
        var resource = Definition.DeepClone().AsObject();
        resource["id"] = Id;
        resource["projectId"] = FakeCloudBuild.Project;
        resource["status"] = Status;
        if (StatusDetail is not null) resource["statusDetail"] = StatusDetail;
        resource["createTime"] = Created.UtcDateTime.ToString("O");
        resource["logUrl"] = LogUrl.AbsoluteUri;
        resource["results"] = new JsonObject { ["buildStepOutputs"] = new JsonArray([.. StepOutputs.Select(o => (JsonNode)o)]) };
        return resource;
    }
}
