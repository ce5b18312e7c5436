using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SRegistry.Bench;

/// <summary>The library API's JSON calls the metadata workload makes, with the user's token; any non-2xx stops the bench.</summary>
internal sealed class LibraryApi(HttpClient http, Uri registry, string token)
{
    /// <summary>GETs <paramref name="pathAndQuery"/> and returns the envelope's <c>data</c> and the time to the whole answer.</summary>
    public async Task<(JsonElement Data, TimeSpan Elapsed)> GetAsync(string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(registry, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed;
        return (Data(response, text, $"GET {pathAndQuery}"), elapsed);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON and returns the envelope's <c>data</c>.</summary>
    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(registry, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        return Data(response, await response.Content.ReadAsStringAsync(), $"POST {path}");
    }

    private static JsonElement Data(HttpResponseMessage response, string text, string what)
    {
        if (!response.IsSuccessStatusCode) throw new BenchFailure($"{what} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("data", out var data) ? data.Clone() : throw new BenchFailure($"{what} answered no data: {text}");
        }
        catch (JsonException)
        {
            throw new BenchFailure($"{what} answered {(int)response.StatusCode} with no JSON: {text[..Math.Min(text.Length, 500)]}");
        }
    }
}
