using System.Net;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Library;
using SRegistry.Server.Tests.Web;

namespace SRegistry.Server.Tests.Privacy;

/// <summary>Robots as their owners make them, and what the registry holds, to prove a refusal stored nothing.</summary>
public sealed class RobotScene(PrivateModeFixture registry)
{
    /// <summary>A new collection of alice's (public, so only the robot's limits can refuse), made through the REST API.</summary>
    public async Task<string> CollectionAsync(string prefix, string entity = "")
    {
        var name = LibraryServerFixture.UniqueName(prefix);
        (await registry.Rest.PostAsync("/api/v1/collections", new { entity = entity.Length > 0 ? entity : registry.Alice, name, @private = false })).Json(HttpStatusCode.Created);
        return name;
    }

    /// <summary>Makes a robot for alice's collection; returns its user name and token.</summary>
    public Task<(string Name, string Token)> RobotAsync(string collection, params string[] scopes) =>
        RobotAtAsync($"/api/v1/collections/{registry.Alice}/{collection}/robots", scopes);

    /// <summary>Makes a robot through the REST path of a collection's or team's robots.</summary>
    public async Task<(string Name, string Token)> RobotAtAsync(string robotsPath, string[] scopes)
    {
        var created = (await registry.Rest.PostAsync(robotsPath, new { name = LibraryServerFixture.UniqueName("ci"), scopes })).Json(HttpStatusCode.Created);
        return (created.GetProperty("robot").GetProperty("name").GetString()!, created.GetProperty("secret").GetString()!);
    }

    /// <summary>Every file in the blob store and every image id alice can list: what a refused push must leave as it was.</summary>
    public async Task<string> StoredAsync()
    {
        var blobs = Directory.Exists(Path.Combine(registry.DataDirectory, "blobs"))
            ? Directory.GetFiles(Path.Combine(registry.DataDirectory, "blobs"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        var collections = (await registry.Rest.GetAsync($"/api/v1/collections?entity={registry.Alice}&perPage=500")).Json().GetProperty("items").GetRawText();
        var containers = new List<string>();
        foreach (var collection in System.Text.Json.JsonDocument.Parse(collections).RootElement.EnumerateArray())
            containers.Add((await registry.Rest.GetAsync($"/api/v1/collections/{registry.Alice}/{collection.GetProperty("name").GetString()}/containers")).Body);
        return string.Join('\n', blobs) + "\n" + collections + "\n" + string.Join('\n', containers);
    }

    /// <summary>The audit log as an administrator sees it, narrowed to one actor.</summary>
    public async Task<string> AuditAsync(string actor)
    {
        using var session = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = registry.Server.BaseAddress };
        await WebForms.SignInAsync(session, registry.Admin, WebUsers.Password);
        return WebUtility.HtmlDecode(await session.GetStringAsync($"/admin/audit?actor={Uri.EscapeDataString(actor)}"));
    }
}
