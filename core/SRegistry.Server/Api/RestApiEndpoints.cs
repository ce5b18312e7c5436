namespace SRegistry.Server.Api;

/// <summary>
/// The registry's own JSON REST API under <c>/api/v1</c>: everything the web interface does, with
/// problem-details errors and paged lists, described by the OpenAPI document at
/// <see cref="OpenApiDocumentation.DocumentPath"/>.
/// </summary>
public static class RestApiEndpoints
{
    /// <summary>The OpenAPI group every REST endpoint belongs to (and no other door's).</summary>
    public const string GroupName = "rest-api";

    public static IServiceCollection AddRestApi(this IServiceCollection services)
    {
        services.AddScoped<ApiCallerFilter>();
        services.AddRegistryOpenApi();
        return services;
    }

    public static IEndpointRouteBuilder MapRestApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .AddEndpointFilter<ApiCallerFilter>()
            .WithGroupName(GroupName)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapApiMe()
            .MapApiEntities()
            .MapApiCollections()
            .MapApiCollectionMembers()
            .MapApiContainers()
            .MapApiTags()
            .MapApiImages()
            .MapApiShareLinks()
            .MapApiTokens()
            .MapApiRobots()
            .MapApiStars()
            .MapApiTeams()
            .MapApiUsage()
            .MapApiSearch()
            .MapApiBuilds()
            .MapApiConnections()
            .MapApiQuotas();
        endpoints.MapRegistryOpenApi();
        return endpoints;
    }
}
