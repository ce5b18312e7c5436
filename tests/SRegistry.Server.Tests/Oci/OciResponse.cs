using System.Net;
using System.Text.Json;

namespace SRegistry.Server.Tests.Oci;

/// <summary>One answer of the server: status, headers (response and content) and body bytes.</summary>
public sealed record OciResponse(string Request, HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public static async Task<OciResponse> ReadAsync(string request, HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new OciResponse(request, response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync());
    }

    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Asserts the status, showing the body when it differs.</summary>
    public OciResponse Is(HttpStatusCode status)
    {
        Assert.True(Status == status, $"{Request} answered {(int)Status}, expected {(int)status}: {Text}");
        return this;
    }

    /// <summary>Asserts an error answer in the spec's shape with this status and code.</summary>
    public OciResponse IsError(HttpStatusCode status, string code)
    {
        Is(status);
        var errors = Json().GetProperty("errors");
        Assert.Equal(code, errors[0].GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(errors[0].GetProperty("message").GetString()));
        return this;
    }

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();
}
