using System.Text.Json;
using System.Text.Json.Serialization;
using SRegistry.Core;
using SRegistry.Core.Catalog;

namespace SRegistry.Server.Library;

/// <summary>
/// The library API's envelopes: <c>{"data": …}</c> on success, <c>{"error": {"code", "message"}}</c>
/// otherwise; camelCase names and RFC 3339 times, as the Go clients expect.
/// </summary>
public static class LibraryResults
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static IResult Data(object? value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(new { data = value }, Json, statusCode: statusCode);

    public static IResult Error(int statusCode, string message) =>
        Results.Json(new { error = new { code = statusCode, message } }, Json, statusCode: statusCode);

    /// <summary>The envelope for a result: its value mapped by <paramref name="view"/>, or the error with its status.</summary>
    public static IResult From<T>(RegistryResult<T> result, Caller caller, Func<T, object?> view)
        where T : class =>
        result.Succeeded ? Data(view(result.Value)) : Failure(result.Error, result.Message, caller);

    public static IResult Failure(RegistryError error, string message, Caller caller) => Error(StatusFor(error, caller), message);

    /// <summary>
    /// 404 also stands for "exists, but not for you" (private means invisible); refusals to an
    /// anonymous caller are 401 so clients know signing in may help.
    /// </summary>
    public static int StatusFor(RegistryError error, Caller caller) => error switch
    {
        RegistryError.NotFound => StatusCodes.Status404NotFound,
        RegistryError.QuotaExceeded => StatusCodes.Status413PayloadTooLarge,
        RegistryError.Forbidden when caller.IsAnonymous => StatusCodes.Status401Unauthorized,
        RegistryError.Forbidden or RegistryError.Frozen => StatusCodes.Status403Forbidden,
        RegistryError.AlreadyExists or RegistryError.Conflict => StatusCodes.Status409Conflict,
        RegistryError.DigestMismatch or RegistryError.SizeMismatch or RegistryError.InvalidContent => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };
}
