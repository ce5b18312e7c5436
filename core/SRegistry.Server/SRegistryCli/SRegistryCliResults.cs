using System.Text.Json;
using System.Text.Json.Serialization;
using SRegistry.Core;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// Answers in the original sregistry's shape: plain JSON (no envelope) with snake_case names, and
/// <c>{"message": …}</c> for errors, which the client prints. Refusals are 403, not 401: the client
/// retries a pull with its signature only after a 403 and gives up on a 401.
/// </summary>
public static class SRegistryCliResults
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static IResult Ok(object value) => Results.Json(value, Json);

    public static IResult Message(int statusCode, string message) => Results.Json(new { message }, Json, statusCode: statusCode);

    public static IResult Failure(RegistryError error, string message) => Message(StatusFor(error), message);

    public static int StatusFor(RegistryError error) => error switch
    {
        RegistryError.NotFound => StatusCodes.Status404NotFound,
        RegistryError.QuotaExceeded => StatusCodes.Status413PayloadTooLarge,
        RegistryError.Forbidden or RegistryError.Frozen => StatusCodes.Status403Forbidden,
        RegistryError.AlreadyExists or RegistryError.Conflict => StatusCodes.Status409Conflict,
        RegistryError.DigestMismatch or RegistryError.SizeMismatch or RegistryError.InvalidContent => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };
}
