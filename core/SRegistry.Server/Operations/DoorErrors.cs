using SRegistry.Server.Api;
using SRegistry.Server.Library;
using SRegistry.Server.Oci;
using SRegistry.Server.SRegistryCli;

namespace SRegistry.Server.Operations;

/// <summary>Refusals written outside a door's own endpoints (rate limits, quotas) in the error format that door's clients read.</summary>
public static class DoorErrors
{
    /// <summary>The refusal as an <see cref="IResult"/>; <paramref name="ociCode"/> is the distribution-spec error code for OCI clients.</summary>
    public static IResult For(string door, int status, string ociCode, string message) => door switch
    {
        "library" => LibraryResults.Error(status, message),
        "oci" => OciResults.Error(status, ociCode, message),
        "sregistry-cli" => SRegistryCliResults.Message(status, message),
        "api" => ApiResults.Problem(status, ociCode.ToLowerInvariant().Replace('_', '-'), message),
        _ => Results.Text(message + "\n", "text/plain", statusCode: status),
    };

    public static Task WriteAsync(HttpContext context, string door, int status, string ociCode, string message) =>
        For(door, status, ociCode, message).ExecuteAsync(context);
}
