using System.Net;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Web;

/// <summary>Fresh users with passwords (made with the admin command line) for the browser tests.</summary>
public sealed class WebUsers(LibraryServerFixture server)
{
    public const string Password = "a long passphrase";

    /// <summary>A new user who can sign in with <see cref="Password"/>.</summary>
    public async Task<string> CreateAsync()
    {
        var user = LibraryServerFixture.UniqueName("web");
        await AdminCli.OkAsync(server.DataDirectory, Password + "\n", "user", "create", user, "--password-stdin");
        return user;
    }

    /// <summary>A new user with an API token, and a scene that pushes into their own entity.</summary>
    public async Task<(string User, RestScene Scene)> CreateWithTokenAsync()
    {
        var user = await CreateAsync();
        var token = await AdminCli.OkAsync(server.DataDirectory, null, "token", "create", user, "--name", "push");
        return (user, new RestScene(server, user, token));
    }

    /// <summary>A plain HTTP client with the user's session cookie, for status codes a browser does not show.</summary>
    public async Task<HttpClient> SessionAsync(string user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Url };
        await WebForms.SignInAsync(client, user, Password);
        return client;
    }
}
