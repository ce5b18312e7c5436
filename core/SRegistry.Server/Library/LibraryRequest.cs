using System.Text.Json;

namespace SRegistry.Server.Library;

/// <summary>
/// Reads the JSON bodies the Go clients send: whole structs, without a Content-Type header (which
/// model binding would refuse with 415), ids as strings.
/// </summary>
public static class LibraryRequest
{
    /// <summary>The body as <typeparamref name="T"/>, or an error result saying what is wrong with it.</summary>
    public static async Task<(T? Body, IResult? Error)> ReadJsonAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, LibraryResults.Json, request.HttpContext.RequestAborted);
            return body is null ? (null, BadBody("the body is empty or null")) : (body, null);
        }
        catch (JsonException exception)
        {
            return (null, BadBody(exception.Message));
        }
    }

    /// <summary>Parses an id the clients send as a string; null when it is not one of ours.</summary>
    public static long? Id(string? text) => long.TryParse(text, System.Globalization.NumberStyles.None, null, out var id) && id > 0 ? id : null;

    private static IResult BadBody(string problem) =>
        LibraryResults.Error(StatusCodes.Status400BadRequest, $"The request body is not the expected JSON object: {problem}.");
}
