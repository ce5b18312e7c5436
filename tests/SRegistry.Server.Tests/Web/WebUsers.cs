using System.Net;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Web;

/// <summary>Fresh users for web tests, made with the admin command line, and plain HTTP sessions for them.</summary>
public static class WebUsers
{
    public const string Password = "a long passphrase";

    /// <summary>A new user with <see cref="Password"/>; an administrator when <paramref name="admin"/>.</summary>
    public static async Task<string> CreateAsync(LibraryServerFixture server, bool admin = false)
    {
        var user = LibraryServerFixture.UniqueName(admin ? "admin" : "web");
        string[] args = admin
            ? ["user", "create", user, "--admin", "--password-stdin"]
            : ["user", "create", user, "--password-stdin"];
        await AdminCli.OkAsync(server.DataDirectory, Password + "\n", args);
        return user;
    }

    /// <summary>A new API token of the user.</summary>
    public static Task<string> TokenAsync(LibraryServerFixture server, string user) =>
        AdminCli.OkAsync(server.DataDirectory, null, "token", "create", user, "--name", LibraryServerFixture.UniqueName("t"));

    /// <summary>A client that does not follow redirects, signed in as the user (or anonymous when null).</summary>
    public static async Task<HttpClient> SessionAsync(LibraryServerFixture server, string? user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Url };
        if (user is not null)
            await WebForms.SignInAsync(client, user, Password);
        return client;
    }
}
