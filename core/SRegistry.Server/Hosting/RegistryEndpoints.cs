using SRegistry.Server.Api;
using SRegistry.Server.Authentication;
using SRegistry.Server.Health;
using SRegistry.Server.Library;
using SRegistry.Server.Oci;
using SRegistry.Server.Privacy;
using SRegistry.Server.Sharing;
using SRegistry.Server.SRegistryCli;
using SRegistry.Server.Web;

namespace SRegistry.Server.Hosting;

/// <summary>
/// Every door's services and routes, in one place for the server and for tests that read its routing
/// table (the private-mode sweep), so neither is a hand-kept copy. Each door's routes carry its
/// <see cref="RegistryDoor"/>, which the private-mode gate answers by.
/// </summary>
public static class RegistryEndpoints
{
    public static IServiceCollection AddRegistryDoors(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddRegistryHealthChecks();
        services.AddRegistryAuthentication();
        services.AddPrivateMode(configuration);
        services.AddLibraryApi(configuration);
        services.AddSRegistryCliApi(configuration, dataDirectory);
        services.AddRestApi();
        services.AddBadRequestProblems();
        services.AddWebInterface();
        services.AddOciApi();
        return services;
    }

    public static IEndpointRouteBuilder MapRegistryDoors(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRegistryHealthChecks();
        endpoints.MapRobotsTxt();
        endpoints.MapDoor(RegistryDoor.Library).MapLibraryApi();
        endpoints.MapDoor(RegistryDoor.SRegistryCli).MapSRegistryCliApi();
        endpoints.MapDoor(RegistryDoor.RestApi).MapRestApi();
        endpoints.MapShareDownloads();
        endpoints.MapWebInterface();
        endpoints.MapDoor(RegistryDoor.Oci).MapOciApi();
        return endpoints;
    }
}
