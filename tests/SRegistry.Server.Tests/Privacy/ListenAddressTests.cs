using SRegistry.Server.Hosting;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Privacy;

/// <summary>The server listens on loopback unless told otherwise, and warns when told to serve plain HTTP to the network.</summary>
public sealed class ListenAddressTests
{
    [Fact]
    public void DefaultUrl_IsLoopbackOnly()
    {
        Assert.Equal("http://127.0.0.1:5000", RegistryServer.DefaultUrl);
        Assert.Empty(ListenAddresses.ExposedPlainHttp(RegistryServer.DefaultUrl));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5000", "http://0.0.0.0:5000")]
    [InlineData("http://*:5000", "http://*:5000")]
    [InlineData("http://+:80;http://localhost:5000", "http://+:80")]
    [InlineData("http://192.0.2.7:5000;https://0.0.0.0:5001", "http://192.0.2.7:5000")]
    [InlineData("http://[::]:5000", "http://[::]:5000")]
    [InlineData("http://[::1]:5000;http://127.0.0.2:5000;https://*:443", "")]
    public void ExposedPlainHttp_NamesOnlyNonLoopbackHttpAddresses(string urls, string exposed)
    {
        Assert.Equal(exposed.Length == 0 ? [] : exposed.Split(';'), ListenAddresses.ExposedPlainHttp(urls));
    }

    [Fact]
    public async Task Server_OnLoopback_LogsNoExposureWarning()
    {
        using var data = new TestDirectory();
        await using var server = await RunningServer.StartAsync(data.Path);

        Assert.DoesNotContain("over plain HTTP", server.Output, StringComparison.Ordinal);
    }
}
