using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SRegistry.Core;
using SRegistry.Server.Api;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Api;

[Collection(RestApiCollection.Name)]
public sealed class OpenApiDocumentTests(LibraryServerFixture server)
{
    [Fact]
    public async Task Document_IsValidOpenApi_AndListsEveryRestEndpoint()
    {
        using var data = new TestDirectory();
        var file = data.Combine("openapi.json");
        await File.WriteAllTextAsync(file, await server.Server.Client.GetStringAsync("/api/v1/openapi.json"));

        var documented = await OpenApiValidator.ValidateAsync(file);

        Assert.Equal(RestEndpointTable(), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Document_DescribesEveryOperation_AndTheBearerScheme()
    {
        using var document = JsonDocument.Parse(await server.Server.Client.GetStringAsync("/api/v1/openapi.json"));
        var root = document.RootElement;

        Assert.Equal("http", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{where} has no summary");
                var responses = operation.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
                Assert.True(responses.Any(r => r.StartsWith('2')), $"{where} documents no success response");
                Assert.Contains("404", responses);
            }
        }
    }

    [Fact]
    public async Task Explorer_IsServed()
    {
        using var response = await server.Server.Client.GetAsync("/api/docs/index.html");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", page, StringComparison.OrdinalIgnoreCase);
    }

    // Every endpoint under /api/v1 as the server maps them, read from the routing table of an application
    // built the same way (nothing started), so the list cannot be a hand-kept copy of the document.
    private static List<string> RestEndpointTable()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddRegistryCore();
        builder.Services.AddRestApi();
        var app = builder.Build();
        app.MapRestApi();
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal) && e.RoutePattern.RawText != OpenApiDocumentation.DocumentPath)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Template(e)}"))
            .Order(StringComparer.Ordinal)];
    }

    // "/api/v1/images/{id:long}" → "/api/v1/images/{id}", as OpenAPI writes path parameters.
    private static string Template(RouteEndpoint endpoint) =>
        "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p2 => "{" + p2.Name + "}",
            _ => "",
        }))));
}
