using System.Net;

namespace SRegistry.Server.Tests.Privacy;

/// <summary>An answer reduced to what could tell an outsider something: status, the headers that matter, and the body.</summary>
public sealed partial record AnonymousAnswer(HttpStatusCode Status, string ContentType, string Location, string Challenge, string Body)
{
    public static async Task<AnonymousAnswer> ReadAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        response.Content.Headers.ContentType?.ToString() ?? "",
        response.Headers.Location?.OriginalString ?? "",
        string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString())),
        await response.Content.ReadAsStringAsync());

    /// <summary>
    /// The answer with every substituted name replaced by one placeholder, so echoes of the request compare
    /// equal, and nonces (anti-forgery fields, sealed tokens: long base64url runs) by their length only.
    /// </summary>
    public AnonymousAnswer Normalized(IEnumerable<string> values)
    {
        var ordered = values.Distinct().OrderByDescending(v => v.Length).ToList();
        string Clean(string text) => ordered.Aggregate(
            Nonce().Replace(text, m => $"{{nonce:{m.Length}}}"),
            (t, v) => v.All(char.IsAsciiDigit)
                ? System.Text.RegularExpressions.Regex.Replace(t, $"(?<![0-9]){v}(?![0-9])", "{id}")
                : t.Replace(v, "{name}", StringComparison.Ordinal));
        return this with { Location = Clean(Location), Challenge = Clean(Challenge), Body = Clean(Body) };
    }

    [System.Text.RegularExpressions.GeneratedRegex("[A-Za-z0-9_-]{40,}")]
    private static partial System.Text.RegularExpressions.Regex Nonce();

    public override string ToString() => $"{(int)Status} [{ContentType}] location={Location} challenge={Challenge} body={(Body.Length > 300 ? Body[..300] + "…" : Body)}";
}
