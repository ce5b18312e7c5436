using System.Net;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Web;

/// <summary>Fresh users with passwords (made with the admin command line) for the browser tests, and plain HTTP sessions for them.</summary>
public sealed class WebUsers(LibraryServerFixture server)
{
    public const string Password = "a long passphrase";

    /// <summary>A new user who can sign in with <see cref="Password"/>; an administrator when <paramref name="admin"/>.</summary>
    public async Task<string> CreateAsync(bool admin = false)
    {
        var user = LibraryServerFixture.UniqueName(admin ? "admin" : "web");
        string[] args = admin
            ? ["user", "create", user, "--admin", "--password-stdin"]
            : ["user", "create", user, "--password-stdin"];
        await AdminCli.OkAsync(server.DataDirectory, Password + "\n", args);
        return user;
    }

    /// <summary>A new API token of the user.</summary>
    public Task<string> TokenAsync(string user) =>
        AdminCli.OkAsync(server.DataDirectory, null, "token", "create", user, "--name", LibraryServerFixture.UniqueName("t"));

    /// <summary>A new user with an API token, and a scene that pushes into their own entity.</summary>
    public async Task<(string User, RestScene Scene)> CreateWithTokenAsync()
    {
        var user = await CreateAsync();
        return (user, new RestScene(server, user, await TokenAsync(user)));
    }

    /// <summary>A client that does not follow redirects, signed in as the user (anonymous when null), for status codes a browser does not show.</summary>
    public async Task<HttpClient> SessionAsync(string? user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Url };
        if (user is not null)
            await WebForms.SignInAsync(client, user, Password);
        return client;
    }
}
