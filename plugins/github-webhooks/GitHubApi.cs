using System.Net.Http.Headers;

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>How the plugin talks to the GitHub REST API: one named HttpClient and GitHub's documented headers.</summary>
public static class GitHubApi
{
    /// <summary>The named HttpClient, whose base address is <see cref="GitHubWebhooksOptions.ApiBaseUrl"/>.</summary>
    public const string ClientName = "github-webhooks";

    /// <summary>A request with the JSON media type, API version and the token as a bearer credential.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Throws with GitHub's status and message (never the token) when the call failed.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException($"GitHub refused to {what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}", null, response.StatusCode);
    }
}
