using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SRegistry.Plugins.GoogleBuild.Google;
using SRegistry.Plugins.GoogleBuild.Storage;

namespace SRegistry.Plugins.GoogleBuild.Builds;

/// <summary>The Cloud Build REST API v1 calls the backend needs: create, get, cancel and list builds.</summary>
public sealed class CloudBuildClient(IHttpClientFactory httpClients, IOptions<GoogleBuildOptions> options)
{
    private readonly string _builds = $"{options.Value.CloudBuildBaseUrl.TrimEnd('/')}/v1/projects/{Uri.EscapeDataString(options.Value.ProjectId)}/builds";

    /// <summary>Creates a build from <paramref name="definition"/> and returns its id once Cloud Build has accepted it.</summary>
    public async Task<string> CreateAsync(JsonObject definition, CancellationToken cancellationToken)
    {
        using var response = await Client().PostAsJsonAsync(_builds, definition, cancellationToken).ConfigureAwait(false);
        await GoogleApiException.EnsureSuccessAsync(response, "Creating a Cloud Build build", cancellationToken).ConfigureAwait(false);
        // The answer is a long-running operation whose metadata carries the new build.
        var operation = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
        return operation?["metadata"]?["build"]?["id"]?.GetValue<string>()
            ?? throw new InvalidOperationException("Cloud Build accepted the build without naming it (metadata.build.id is missing).");
    }

    /// <summary>The build, or null when Cloud Build does not know it.</summary>
    public async Task<CloudBuild?> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await Client().GetAsync($"{_builds}/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await GoogleApiException.EnsureSuccessAsync(response, $"Reading Cloud Build build {id}", cancellationToken).ConfigureAwait(false);
        return Parse(await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Cancels the build; a build that already finished is left as it is.</summary>
    public async Task CancelAsync(string id, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["projectId"] = options.Value.ProjectId, ["id"] = id };
        using var response = await Client().PostAsJsonAsync($"{_builds}/{Uri.EscapeDataString(id)}:cancel", body, cancellationToken).ConfigureAwait(false);
        // Cancelling a finished build is a failed precondition (400); there is nothing left to stop.
        if (response.StatusCode == HttpStatusCode.BadRequest) return;
        await GoogleApiException.EnsureSuccessAsync(response, $"Cancelling Cloud Build build {id}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every build matching <paramref name="filter"/> (Cloud Build's filter syntax), page by page.</summary>
    public async IAsyncEnumerable<CloudBuild> ListAsync(string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? page = null;
        do
        {
            var url = $"{_builds}?filter={Uri.EscapeDataString(filter)}&pageSize=100" + (page is null ? "" : "&pageToken=" + Uri.EscapeDataString(page));
            using var response = await Client().GetAsync(url, cancellationToken).ConfigureAwait(false);
            await GoogleApiException.EnsureSuccessAsync(response, "Listing Cloud Build builds", cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
            foreach (var build in body?["builds"]?.AsArray() ?? []) yield return Parse(build!.AsObject());
            page = body?["nextPageToken"]?.GetValue<string>() is { Length: > 0 } next ? next : null;
        }
        while (page is not null);
    }

    private static CloudBuild Parse(JsonObject? json)
    {
        if (json is null) throw new InvalidOperationException("Cloud Build answered without a build resource.");
        var logUrl = json["logUrl"]?.GetValue<string>();
        return new CloudBuild(
            json["id"]?.GetValue<string>() ?? throw new InvalidOperationException("Cloud Build answered a build without an id."),
            json["status"]?.GetValue<string>() ?? "STATUS_UNKNOWN",
            json["statusDetail"]?.GetValue<string>(),
            Uri.TryCreate(logUrl, UriKind.Absolute, out var logs) ? logs : null,
            [.. (json["tags"]?.AsArray() ?? []).Select(t => t!.GetValue<string>())],
            // bytes fields are base64 in the JSON mapping; a step that wrote nothing has an empty entry.
            [.. (json["results"]?["buildStepOutputs"]?.AsArray() ?? []).Select(o => Convert.FromBase64String(o?.GetValue<string>() ?? ""))]);
    }

    private HttpClient Client() => httpClients.CreateClient(GoogleCloudStorageClient.HttpClientName);

    /// <summary>Cloud Build's spelling of a time in a filter.</summary>
    public static string FilterTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
