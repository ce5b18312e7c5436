using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace SRegistry.PluginHost.Tests;

public static class TestHosts
{
    /// <summary>A host builder with only the given configuration, as the server's would be.</summary>
    public static HostApplicationBuilder Builder(params (string Key, string Value)[] values)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(values.Select(value => KeyValuePair.Create(value.Key, (string?)value.Value)));
        return builder;
    }
}
