using Microsoft.OpenApi;

namespace SRegistry.Server.Api;

/// <summary>
/// The OpenAPI 3.0 document of the REST API (generated from the endpoints themselves, so it cannot
/// drift from them) and a browsable explorer for it.
/// </summary>
public static class OpenApiDocumentation
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/api/v1/openapi.json";
    public const string ExplorerPath = "api/docs";

    private const string BearerScheme = "bearer";

    public static IServiceCollection AddRegistryOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            // 3.0 rather than 3.1: more tools (and the validator the tests use) read it.
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.ShouldInclude = description => description.GroupName == RestApiEndpoints.GroupName;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "SRegistry REST API",
                    Version = "1",
                    Description = "Collections, containers, images, tags, labels, tokens, share links, stars, teams and usage. "
                        + "Authenticate with 'Authorization: Bearer <API token>'. Errors are RFC 9457 problem details with a 'code'.",
                };
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [BearerScheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "An API token (sreg_…) from /auth/tokens or `sregistry admin token create`." },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapRegistryOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath);
        return endpoints;
    }

    public static IApplicationBuilder UseOpenApiExplorer(this IApplicationBuilder app) =>
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = ExplorerPath;
            options.SwaggerEndpoint(DocumentPath, "SRegistry REST API v1");
            options.DocumentTitle = "SRegistry REST API";
        });
}
