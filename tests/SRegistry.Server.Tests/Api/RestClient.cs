using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SRegistry.Server.Tests.Api;

/// <summary>The REST API over plain HTTP as one caller: JSON bodies with their Content-Type, a bearer token when there is one.</summary>
public sealed class RestClient(HttpClient http, string? token)
{
    /// <summary>The same server, as another caller (null: anonymous).</summary>
    public RestClient As(string? otherToken) => new(http, otherToken);

    public Task<RestResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<RestResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public Task<RestResponse> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    public Task<RestResponse> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<RestResponse> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body);

    /// <summary>Sends <paramref name="body"/> as JSON (a string as it is), with <paramref name="contentType"/>.</summary>
    public async Task<RestResponse> SendAsync(HttpMethod method, string path, object? body = null, string? contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web)));
            if (contentType is not null) request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await http.SendAsync(request);
        return new RestResponse($"{method} {path}", response.StatusCode, await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("Link", out var link) ? string.Join(", ", link) : null);
    }
}

/// <summary>What the server answered to one request.</summary>
public sealed record RestResponse(string Request, HttpStatusCode Status, string Body, string? Link)
{
    /// <summary>Asserts <paramref name="expected"/> (200 by default) and returns the JSON body.</summary>
    public JsonElement Json(HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(Status == expected, $"{Request}: expected {(int)expected}, got {(int)Status}: {Body}");
        using var json = JsonDocument.Parse(Body);
        return json.RootElement.Clone();
    }

    /// <summary>Asserts a 204 with no body.</summary>
    public void NoContent() => Assert.True(Status == HttpStatusCode.NoContent && Body.Length == 0, $"{Request}: expected 204, got {(int)Status}: {Body}");

    /// <summary>
    /// Asserts the status and a problem-details body with that status, the <paramref name="code"/>, and a
    /// detail naming each of <paramref name="mentions"/> (case-insensitive).
    /// </summary>
    public void Problem(HttpStatusCode status, string code, params string[] mentions)
    {
        Assert.True(Status == status, $"{Request}: expected {(int)status}, got {(int)Status}: {Body}");
        JsonElement problem;
        try
        {
            using var json = JsonDocument.Parse(Body);
            problem = json.RootElement.Clone();
        }
        catch (JsonException e)
        {
            Assert.Fail($"{Request}: the body is not JSON ({e.Message}): '{Body}'");
            throw;
        }

        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString() ?? "";
        Assert.False(string.IsNullOrWhiteSpace(detail), $"{Request}: the detail is empty: {Body}");
        foreach (var mention in mentions)
            Assert.True(detail.Contains(mention, StringComparison.OrdinalIgnoreCase), $"{Request}: the detail should mention '{mention}': {detail}");
    }
}
