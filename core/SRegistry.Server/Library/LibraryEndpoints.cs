using SRegistry.Core.Catalog;
using SRegistry.Core.Uploads;

namespace SRegistry.Server.Library;

/// <summary>The Singularity/Apptainer library API (<c>library://</c>), as protocols.md §1 describes it.</summary>
public static class LibraryEndpoints
{
    public static IServiceCollection AddLibraryApi(this IServiceCollection services, IConfiguration configuration, string uploadDirectory)
    {
        services.AddOptions<LibraryOptions>().Bind(configuration.GetSection("Library"));
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.SectionName));
        services.AddScoped<LibraryCallerFilter>();
        services.AddOptions<UploadOptions>()
            .Bind(configuration.GetSection("Uploads"))
            .PostConfigure(o => o.Directory = o.Directory.Length > 0 ? o.Directory : uploadDirectory);
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
}
