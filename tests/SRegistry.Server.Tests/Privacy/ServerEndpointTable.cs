using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Hosting;
using SRegistry.Core;
using SRegistry.Server.Hosting;

namespace SRegistry.Server.Tests.Privacy;

/// <summary>One route of the server: its pattern, the methods it takes, and whether it is marked public in private mode.</summary>
public sealed record ServerRoute(RoutePattern Pattern, IReadOnlyList<string> Methods, bool IsPublic)
{
    public override string ToString() => $"{string.Join(',', Methods)} {Pattern.RawText}";
}

/// <summary>
/// The server's routing table, read from the EndpointDataSource of an application mapped by the same
/// code the server runs (<see cref="RegistryEndpoints"/>; nothing started), so no route can be left out
/// of a sweep by a hand-kept list. Razor pages included.
/// </summary>
public static class ServerEndpointTable
{
    // Razor pages and endpoints without method metadata take any method: these are the ones that matter.
    private static readonly string[] AnyMethod = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public static IReadOnlyList<ServerRoute> Read(string dataDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(RegistryServer).Assembly.GetName().Name });
        builder.Services.AddRegistryCore();
        builder.Services.AddRegistryDoors(builder.Configuration, dataDirectory);
        var app = builder.Build();
        app.MapRegistryDoors();
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => new ServerRoute(
                e.RoutePattern,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? [.. methods] : AnyMethod,
                e.Metadata.GetMetadata<PublicInPrivateModeAttribute>() is not null))
            .OrderBy(r => r.Pattern.RawText, StringComparer.Ordinal)];
    }
}
