using System.Text.RegularExpressions;

namespace SRegistry.Server.Library;

/// <summary>The Singularity/Apptainer library API (<c>library://</c>), as protocols.md §1 describes it.</summary>
public static partial class LibraryEndpoints
{
    public static IServiceCollection AddLibraryApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LibraryOptions>()
            .Bind(configuration.GetSection("Library"))
            .Validate(o => SemanticVersion().IsMatch(o.ApiVersion), "Library:ApiVersion must be a semantic version such as 2.0.0-alpha.2 or 1.0.0.")
            .ValidateOnStart();
        services.AddScoped<LibraryCallerFilter>();
        return services;
    }

    public static IEndpointRouteBuilder MapLibraryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapLibraryDiscovery();
        var library = endpoints.MapGroup("").AddEndpointFilter<LibraryCallerFilter>();
        library.MapLibraryEntities()
            .MapLibraryCollections()
            .MapLibraryContainers()
            .MapLibraryImages()
            .MapLibraryTags()
            .MapLibrarySearch()
            .MapLibraryImageFiles()
            .MapLibraryUploads();
        return endpoints;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemanticVersion();
}
