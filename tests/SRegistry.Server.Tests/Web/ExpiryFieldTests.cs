using System.Net;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Web;

/// <summary>The "expires after (days)" field of the token form, posted past the browser's own min/max check.</summary>
[Collection(RestApiCollection.Name)]
public sealed class ExpiryFieldTests(LibraryServerFixture server)
{
    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    [InlineData("2000000000")]
    public async Task TokenForm_WithAnExpiryOutOfRange_SaysTheRange_AndCreatesNoToken(string days)
    {
        var user = LibraryServerFixture.UniqueName("expiry");
        const string password = "a long passphrase";
        await AdminCli.OkAsync(server.DataDirectory, password + "\n", "user", "create", user, "--password-stdin");
        var apiToken = await AdminCli.OkAsync(server.DataDirectory, null, "token", "create", user, "--name", "api");
        using var session = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Url };
        await WebForms.SignInAsync(session, user, password);

        using var created = await session.PostAsync("/auth/tokens?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "far", ["expiresInDays"] = days, ["__RequestVerificationToken"] = await WebForms.AntiforgeryTokenAsync(session, "/auth/tokens"),
        }));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("between 1 and 3650 days", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tokens = (await new RestClient(server.Server.Client, apiToken).GetAsync("/api/v1/tokens")).Json();
        Assert.DoesNotContain(tokens.EnumerateArray(), t => t.GetProperty("name").GetString() == "far");
    }
}
