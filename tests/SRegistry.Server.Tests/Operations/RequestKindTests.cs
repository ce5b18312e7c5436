using Microsoft.AspNetCore.Http;
using SRegistry.Server.Operations;

namespace SRegistry.Server.Tests.Operations;

/// <summary>Which door a request is counted (and rate-limited) under, from its method and path.</summary>
public sealed class RequestKindTests
{
    [Theory]
    [InlineData("GET", "/assets/config/config.prod.json", "library")]
    [InlineData("GET", "/assets/site.css", "web")]
    [InlineData("GET", "/assets/site.js", "web")]
    [InlineData("GET", "/version", "library")]
    [InlineData("GET", "/v2/alice/tools/app/manifests/1.0", "oci")]
    [InlineData("GET", "/api/v1/search", "api")]
    [InlineData("POST", "/upload", "sregistry-cli")]
    public void Door_IsTheOneThatAnswersThePath(string method, string path, string door)
    {
        var request = new DefaultHttpContext().Request;
        (request.Method, request.Path) = (method, path);

        Assert.Equal(door, RequestKind.Of(request).Door);
    }
}
