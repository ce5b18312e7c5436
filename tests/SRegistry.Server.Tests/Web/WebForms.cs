using System.Net;
using System.Text.RegularExpressions;

namespace SRegistry.Server.Tests.Web;

/// <summary>The web interface's forms over plain HTTP: the antiforgery token a page carries, and signing in.</summary>
public static partial class WebForms
{
    /// <summary>The antiforgery token in the first form of the page at <paramref name="path"/>.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var match = Token().Match(page);
        Assert.True(match.Success, $"{path} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Signs in through the sign-in form; the client's cookie container keeps the session.</summary>
    public static async Task SignInAsync(HttpClient client, string user, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/auth/sign-in");
        using var response = await client.PostAsync("/auth/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {user} answered {(int)response.StatusCode}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
