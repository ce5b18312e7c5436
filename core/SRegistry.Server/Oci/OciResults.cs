using System.Text.Json;
using SRegistry.Core.Oci;

namespace SRegistry.Server.Oci;

/// <summary>Responses in the distribution spec's shape: <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
public static class OciResults
{
    /// <summary>The header every answer under <c>/v2/</c> carries; clients use it to recognise a registry.</summary>
    public const string ApiVersionHeader = "Docker-Distribution-API-Version";

    public static IResult Error(int status, string code, string message, object? detail = null) =>
        Results.Json(new { errors = new[] { new { code, message, detail } } }, statusCode: status);

    /// <summary>The refusal of a core operation, with the status and code the spec gives it.</summary>
    public static IResult Failure(OciError error, string message) => error switch
    {
        OciError.BlobUnknown => Error(StatusCodes.Status404NotFound, "BLOB_UNKNOWN", message),
        OciError.BlobUploadInvalid => Error(StatusCodes.Status400BadRequest, "BLOB_UPLOAD_INVALID", message),
        OciError.BlobUploadUnknown => Error(StatusCodes.Status404NotFound, "BLOB_UPLOAD_UNKNOWN", message),
        OciError.DigestInvalid => Error(StatusCodes.Status400BadRequest, "DIGEST_INVALID", message),
        OciError.ManifestBlobUnknown => Error(StatusCodes.Status400BadRequest, "MANIFEST_BLOB_UNKNOWN", message),
        OciError.ManifestInvalid => Error(StatusCodes.Status400BadRequest, "MANIFEST_INVALID", message),
        OciError.ManifestUnknown => Error(StatusCodes.Status404NotFound, "MANIFEST_UNKNOWN", message),
        OciError.NameInvalid => Error(StatusCodes.Status400BadRequest, "NAME_INVALID", message),
        OciError.NameUnknown => Error(StatusCodes.Status404NotFound, "NAME_UNKNOWN", message),
        OciError.SizeInvalid => Error(StatusCodes.Status400BadRequest, "SIZE_INVALID", message),
        OciError.Denied => Error(StatusCodes.Status403Forbidden, "DENIED", message),
        OciError.Unsupported => Error(StatusCodes.Status400BadRequest, "UNSUPPORTED", message),
        OciError.RangeInvalid => Error(StatusCodes.Status416RangeNotSatisfiable, "BLOB_UPLOAD_INVALID", message),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "Not a refusal."),
    };

    /// <summary>A JSON body with an exact Content-Type (the tag list, catalog and referrers answers).</summary>
    public static IResult Json(object value, string contentType = "application/json") =>
        Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions), contentType);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
