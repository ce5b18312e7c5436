using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using SRegistry.Core.Persistence;

namespace SRegistry.Server.Hosting;

/// <summary>Keeps ASP.NET Data Protection's key ring in the database, for instances that share one.</summary>
public static class DatabaseKeyRing
{
    /// <summary>
    /// Replaces the key ring's file-system location with <see cref="DatabaseXmlRepository"/>, so download
    /// URLs, sign-in cookies and form tokens made by one instance work on every other. Used with an
    /// external database; the embedded one keeps its keys in <c>&lt;data&gt;/keys</c> as before.
    /// </summary>
    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = provider.GetRequiredService<DatabaseXmlRepository>()));
        return services;
    }
}
