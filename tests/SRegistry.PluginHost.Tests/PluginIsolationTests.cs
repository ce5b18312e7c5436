using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Humanizer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Plugins;

namespace SRegistry.PluginHost.Tests;

public sealed class PluginIsolationTests : IDisposable
{
    private readonly PluginFolders folders = new();

    [Fact]
    public async Task HelloPlugin_UsesItsOwnHumanizerWhileHostUsesNewerOne()
    {
        var directory = folders.Copy("hello");
        var hello = Assert.Single(folders.Loader("hello").Load());

        var greeting = await GetGreetingAsync(hello);

        Assert.Equal("Hello from the hello plugin", greeting.GetProperty("message").GetString());
        Assert.Equal("2.8.26", greeting.GetProperty("humanizerVersion").GetString());
        Assert.Equal("plugin:hello", greeting.GetProperty("loadContext").GetString());

        var pluginContext = AssemblyLoadContext.GetLoadContext(hello.Assembly)!;
        var pluginHumanizer = Assert.Single(pluginContext.Assemblies, assembly => assembly.GetName().Name == "Humanizer");
        Assert.Equal(new Version(2, 8, 0, 0), pluginHumanizer.GetName().Version);
        Assert.Equal(Path.Combine(directory, "Humanizer.dll"), pluginHumanizer.Location);

        var hostHumanizer = typeof(LetterCasing).Assembly;
        Assert.Equal("host humanizer", "HostHumanizer".Humanize(LetterCasing.LowerCase));
        Assert.Equal(new Version(2, 14, 0, 0), hostHumanizer.GetName().Version);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(hostHumanizer));
        Assert.NotSame(hostHumanizer, pluginHumanizer);
    }

    [Fact]
    public void HelloPlugin_SeesTheHostsAbstractionsAssembly()
    {
        folders.Copy("hello");
        var hello = Assert.Single(folders.Loader("hello").Load());
        var pluginContext = AssemblyLoadContext.GetLoadContext(hello.Assembly)!;

        var abstractionsInPlugin = pluginContext.LoadFromAssemblyName(new AssemblyName("SRegistry.Abstractions"));

        Assert.Same(typeof(IRegistryPlugin).Assembly, abstractionsInPlugin);
        Assert.Contains(typeof(IRegistryPlugin), hello.Instance.GetType().GetInterfaces());
        Assert.DoesNotContain(pluginContext.Assemblies, assembly => assembly.GetName().Name == "SRegistry.Abstractions");
    }

    [Fact]
    public void Plugin_ShippingASharedFrameworkAssembly_GetsTheHostsCopy()
    {
        var directory = folders.Copy("hello");
        var entry = Path.Combine(directory, "SRegistry.Samples.HelloPlugin.dll");
        var options = typeof(IOptions<>).Assembly;
        File.Copy(options.Location, Path.Combine(directory, Path.GetFileName(options.Location)));
        AddToDepsJson(Path.Combine(directory, "SRegistry.Samples.HelloPlugin.deps.json"), Path.GetFileName(options.Location));
        Assert.Equal(
            Path.Combine(directory, Path.GetFileName(options.Location)),
            new AssemblyDependencyResolver(entry).ResolveAssemblyToPath(options.GetName()));
        var hello = Assert.Single(folders.Loader("hello").Load());

        var optionsInPlugin = AssemblyLoadContext.GetLoadContext(hello.Assembly)!.LoadFromAssemblyName(options.GetName());

        Assert.Same(options, optionsInPlugin);
    }

    private static async Task<JsonElement> GetGreetingAsync(LoadedPlugin hello)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddPlugins([hello], builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        app.MapPlugins([hello]);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            return await client.GetFromJsonAsync<JsonElement>("/plugins/hello/greeting");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static void AddToDepsJson(string depsJson, string assemblyFile)
    {
        var deps = JsonNode.Parse(File.ReadAllText(depsJson))!;
        var target = deps["targets"]!.AsObject().Single().Value!.AsObject();
        target["Bundled/1.0.0"] = new JsonObject { ["runtime"] = new JsonObject { [assemblyFile] = new JsonObject() } };
        deps["libraries"]!["Bundled/1.0.0"] = new JsonObject { ["type"] = "project", ["serviceable"] = false, ["sha512"] = "" };
        File.WriteAllText(depsJson, deps.ToJsonString());
    }

    public void Dispose() => folders.Dispose();
}
