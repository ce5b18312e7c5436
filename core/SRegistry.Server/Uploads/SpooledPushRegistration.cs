using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SRegistry.Server.Uploads;

/// <summary>Registers the one-request push path; each door that uses it calls this, so none depends on another's registration.</summary>
public static class SpooledPushRegistration
{
    public static IServiceCollection AddSpooledPush(this IServiceCollection services)
    {
        services.TryAddScoped<PushTargets>();
        services.TryAddScoped<SpooledPush>();
        return services;
    }
}
