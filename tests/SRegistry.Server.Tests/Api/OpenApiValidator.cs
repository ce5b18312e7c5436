using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Api;

/// <summary>
/// The Go program in <c>tests/interop/openapi-validator</c>: validates an OpenAPI 3.0 document with
/// kin-openapi (an implementation independent of the one that wrote it) and lists its operations.
/// </summary>
public static class OpenApiValidator
{
    private static readonly GoHarness Program = new(
        "openapi-validator",
        "/usr/share/gocode/src/github.com/getkin/kin-openapi/openapi3",
        "apt-get install golang-go golang-github-getkin-kin-openapi-dev, or run bash .ci/run");

    /// <summary>Validates the document; fails the test with the validator's message when it is not valid.</summary>
    /// <returns>Its operations as <c>METHOD /path</c>.</returns>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string documentFile)
    {
        var result = await ToolProcess.RunAsync(await Program.BinaryAsync(), [documentFile], TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0) Assert.Fail($"The OpenAPI document is not valid: {result}");
        return JsonSerializer.Deserialize<string[]>(result.StandardOutput)!;
    }
}
