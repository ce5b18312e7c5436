using SRegistry.Core.Builds;
using SRegistry.Core.Metrics;
using SRegistry.Core.Persistence;
using SRegistry.PluginHost;
using Microsoft.Extensions.Options;
using SRegistry.Server.Api;
using SRegistry.Server.Privacy;
using SRegistry.Server.SRegistryCli;
using SRegistry.Server.Web;
using SRegistry.Server.Operations;
using SRegistry.Server.Operations.Metrics;

namespace SRegistry.Server.Hosting;

/// <summary>Runs the registry: database first, then plugins and services, then HTTP until stopped.</summary>
public static class RegistryServer
{
    /// <summary>The address used when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddRegistrySources(args);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole());
        var logger = loggerFactory.CreateLogger("SRegistry.Startup");
        try
        {
            var settings = RegistrySettings.From(builder.Configuration);
            ListenAddresses.WarnIfExposed(builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls ? urls : DefaultUrl, logger);
            logger.LogInformation("Data directory {DataDirectory}", settings.DataDirectory);
            var plugins = builder.Services.AddRegistry(builder.Configuration, builder.Environment, settings, logger);
            await using var database = await DatabaseConnection.OpenAsync(settings, logger, CancellationToken.None);
            builder.Services.AddRegistryDatabase(database.ConnectionString);
            builder.Services.AddRegistryDoors(builder.Configuration, settings.DataDirectory);
            if (settings.DatabaseConnectionString is not null) builder.Services.AddDatabaseKeyRing().AddSRegistryCliDatabaseKey(builder.Configuration);
            builder.Services.AddHostedService<ExpiredUploadPruner>();
            builder.Services.AddHostedService<BuildDispatcher>();
            builder.Services.AddTrustedProxies(builder.Configuration);
            builder.Services.AddOperationsHttp(builder.Configuration);

            await using var app = builder.Build();

            // Options marked ValidateOnStart (the doors' and the plugins'), checked before anything
            // starts, so a bad value is one line on stderr rather than a failed host start.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.Services.GetRequiredService<RegistryDatabase>().MigrateAsync(app.Lifetime.ApplicationStopping);
            BuildQueueGauges.Register(app.Services.GetRequiredService<MetricGauges>());
            app.UseForwardedHeaders();
            app.UseRequestMetrics();
            app.UseSecurityHeaders();
            app.UseBadRequestProblems();
            app.UseAuthentication();
            app.UseRateLimits(); // before the private-mode gate, so refused password guesses count too
            app.UsePrivateMode();
            app.UseAuthorization();
            app.UseOpenApiExplorer();
            app.MapRegistryDoors();
            app.MapMetrics();
            app.MapPlugins(plugins);
            await app.RunAsync();
            return 0;
        }
        catch (Exception exception) when (StartupFailure.Describe(exception) is not null)
        {
            return StartupFailure.Report(exception);
        }
    }
}
