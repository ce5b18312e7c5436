using System.Net;

namespace SRegistry.Plugins.GoogleBuild.Google;

/// <summary>A Google API answered with a status the caller did not expect; the message carries its error text.</summary>
public sealed class GoogleApiException(string operation, HttpStatusCode status, string body)
    : Exception($"{operation} failed with HTTP {(int)status} {status}: {Shorten(body)}")
{
    /// <summary>The HTTP status the API answered.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>Throws when <paramref name="response"/> is not a success, reading its error body.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new GoogleApiException(operation, response.StatusCode, body);
    }

    private static string Shorten(string body) => body.Length > 500 ? body[..500] + "…" : body;
}
