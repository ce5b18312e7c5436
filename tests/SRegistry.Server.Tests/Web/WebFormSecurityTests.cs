using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using SRegistry.Server.Tests.Api;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Web;

/// <summary>
/// Every form handler of every page, found in the compiled pages (not a hand-kept list): a POST without
/// the antiforgery token is refused, and a GET never runs it.
/// </summary>
[Collection(RestApiCollection.Name)]
public sealed partial class WebFormSecurityTests(LibraryServerFixture server)
{
    [Fact]
    public async Task EveryFormHandler_RefusesAMissingAntiforgeryToken_AndIsNeverRunByGet()
    {
        var (user, password, token) = await UserAsync();
        var owner = new RestScene(server, user, token);
        var image = await owner.PushAsync(await owner.CollectionAsync(isPrivate: false));
        var team = LibraryServerFixture.UniqueName("t");
        (await owner.Alice.PostAsync("/api/v1/teams", new { name = team })).Json(HttpStatusCode.Created);
        using var session = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Url };
        await WebForms.SignInAsync(session, user, password);
        var handlers = FormHandlers().ToList();

        Assert.Contains(handlers, h => h.Route == "/auth/tokens" && h.Handler == "Create");
        Assert.Contains(handlers, h => h.Route == "/images/{id:long}" && h.Handler == "Share");
        Assert.Contains(handlers, h => h.Route == "/auth/sign-out" && h.Handler == "");
        Assert.Contains(handlers, h => h.Route == "/teams/{team}" && h.Handler == "Delete");
        Assert.Contains(handlers, h => h.Route == "/teams/join/{secret}" && h.Handler == "");
        Assert.Contains(handlers, h => h.Route == "/c/{entity}/{collection}/settings" && h.Handler == "Delete");
        foreach (var (route, handler) in handlers)
        {
            // A build id is a guid: any will do, the antiforgery check comes before the page looks anything up.
            var url = Parameter().Replace(route.Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal), m => m.Groups[1].Value switch
            {
                "id" => image.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "entity" => image.Container.Split('/')[0],
                "collection" => image.Container.Split('/')[1],
                "team" => team,
                "secret" => "inv_forged",
                _ => image.Container.Split('/')[2],
            }) + (handler.Length == 0 ? "" : $"?handler={handler}");
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = "forged", ["lifetimeHours"] = "24", ["star"] = "true", ["confirmName"] = image.Container.Split('/')[1], ["lifetimeDays"] = "7",
            });

            using var post = await session.PostAsync(url, form);
            using var get = await session.GetAsync(url + (handler.Length == 0 ? "?" : "&")
                + $"name=forged&lifetimeHours=24&star=true&lifetimeDays=7&confirmName={image.Container.Split('/')[1]}");

            Assert.True(post.StatusCode == HttpStatusCode.BadRequest, $"POST {url} without an antiforgery token answered {(int)post.StatusCode}");
            Assert.True((int)get.StatusCode < 500, $"GET {url} answered {(int)get.StatusCode}");
        }

        // Nothing was created, starred, deleted or signed out by any of it.
        (await owner.Alice.GetAsync($"/api/v1/teams/{team}")).Json();
        (await owner.Alice.GetAsync($"/api/v1/collections/{image.Container.Split('/')[0]}/{image.Container.Split('/')[1]}")).Json();
        Assert.DoesNotContain((await owner.Alice.GetAsync("/api/v1/tokens")).Json().EnumerateArray(), t => t.GetProperty("name").GetString() == "forged");
        Assert.Empty((await owner.Alice.GetAsync($"/api/v1/images/{image.Id}/share-links")).Json().EnumerateArray());
        Assert.Equal(0, (await owner.Alice.GetAsync("/api/v1/stars")).Json().GetProperty("total").GetInt32());
        using var stillSignedIn = await session.GetAsync("/auth/tokens");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task SignOut_ByGet_IsRefused_AndTheSessionStays()
    {
        var (user, password, _) = await UserAsync();
        using var session = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Url };
        await WebForms.SignInAsync(session, user, password);

        using var signOut = await session.GetAsync("/auth/sign-out");
        using var tokens = await session.GetAsync("/auth/tokens");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
    }

    [Fact]
    public async Task Pages_CarryTheSecurityHeaders_AndTheSessionCookieIsHttpOnly()
    {
        var (user, password, _) = await UserAsync();
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.Url };
        var token = await WebForms.AntiforgeryTokenAsync(server.Server.Client, "/auth/sign-in");
        using var page = await client.GetAsync("/");

        Assert.Equal("DENY", string.Join(",", page.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", string.Join(",", page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("frame-ancestors 'none'", string.Join(",", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.NotEmpty(token);
        using var cookies = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Url };
        var formToken = await WebForms.AntiforgeryTokenAsync(cookies, "/auth/sign-in");
        using var signIn = await cookies.PostAsync("/auth/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = formToken,
        }));
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sregistry.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }

    // (route, handler) for every OnPost… method of every compiled page; "" is the unnamed handler.
    private static IEnumerable<(string Route, string Handler)> FormHandlers()
    {
        var pages = typeof(Server.Web.WebInterface).Assembly.GetTypes()
            .Select(t => (Type: t, Route: t.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(a => a.Key == "RouteTemplate")?.Value))
            .Where(p => p.Route is not null);
        foreach (var (type, route) in pages)
        {
            var model = type.GetProperty("Model")?.PropertyType;
            if (model is null || !typeof(PageModel).IsAssignableFrom(model)) continue;
            foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
                yield return (route!, Handler().Match(method.Name).Groups[1].Value);
        }
    }

    private async Task<(string User, string Password, string Token)> UserAsync()
    {
        var user = LibraryServerFixture.UniqueName("web");
        const string password = "a long passphrase";
        await AdminCli.OkAsync(server.DataDirectory, password + "\n", "user", "create", user, "--password-stdin");
        return (user, password, await AdminCli.OkAsync(server.DataDirectory, null, "token", "create", user, "--name", "api"));
    }

    [GeneratedRegex(@"\{(\w+)(:\w+)?\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^OnPost(\w*?)(Async)?$")]
    private static partial Regex Handler();
}
