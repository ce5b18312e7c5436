using System.Net;
using System.Text;

namespace SRegistry.Server.Tests.Privacy;

/// <summary>
/// Private mode seen from outside: every route of the server's routing table, with every method it
/// takes, asked anonymously about names that exist and names that do not. Nothing may come back, and
/// nothing may differ; routes marked public may answer, but alike for both and without content.
/// </summary>
[Collection(PrivateModeCollection.Name)]
public sealed class PrivateModeSweepTests(PrivateModeFixture registry)
{
    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.Found, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden];

    [Fact]
    public async Task AnonymousSweep_OfEveryRoute_FindsNoContent_AndNoDifferenceBetweenExistingAndMissingNames()
    {
        var routes = ServerEndpointTable.Read(registry.DataDirectory);
        var substitution = new RouteSubstitution(registry);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = registry.Server.BaseAddress };
        var problems = new List<string>();
        var asked = 0;

        foreach (var route in routes)
        {
            foreach (var method in route.Methods)
            {
                foreach (var (existingPath, missingPath) in substitution.Paths(route.Pattern))
                {
                    var existing = await AskAsync(anonymous, method, existingPath);
                    var missing = await AskAsync(anonymous, method, missingPath);
                    asked += 2;
                    // A request goes to the public endpoint when one takes the same path and method (POST /upload: sregistry-cli, not the page).
                    var isPublic = route.IsPublic || routes.Any(r => r.IsPublic && r.Pattern.RawText!.TrimStart('/') == route.Pattern.RawText!.TrimStart('/') && r.Methods.Contains(method));
                    var where = $"{method} {existingPath} ({route}{(isPublic ? ", public" : "")})";
                    foreach (var answer in (AnonymousAnswer[])[existing, missing])
                    {
                        if (answer.Body.Contains(registry.Marker, StringComparison.Ordinal) || answer.Body.Contains(registry.Digest, StringComparison.Ordinal))
                            problems.Add($"{where} revealed content: {answer}");
                        if (!isPublic && !Refusals.Contains(answer.Status))
                            problems.Add($"{where} was not refused: {answer}");
                        if (answer.Status == HttpStatusCode.Found && !answer.Location.StartsWith("/auth/sign-in", StringComparison.Ordinal))
                            problems.Add($"{where} redirected elsewhere than sign-in: {answer}");
                    }

                    var values = substitution.Values().ToList();
                    if (existing.Normalized(values) != missing.Normalized(values))
                        problems.Add($"{where} told existing from missing:\n  existing {existing}\n  missing  {missing}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in {asked} anonymous requests:\n" + string.Join("\n", problems));
        Assert.True(asked > 300, $"The sweep asked only {asked} times: the routing table was not read.");
    }

    [Fact]
    public void Sweep_CoversEveryDoor_AndOnlyTheDocumentedRoutesArePublic()
    {
        var routes = ServerEndpointTable.Read(registry.DataDirectory);
        var patterns = routes.Select(r => "/" + r.Pattern.RawText!.TrimStart('/')).ToList();
        var publicRoutes = routes.Where(r => r.IsPublic).Select(r => "/" + r.Pattern.RawText!.TrimStart('/')).Order(StringComparer.Ordinal).ToList();

        foreach (var door in (string[])["/v1/images/{**ref}", "/api/container/{**path}", "/v2/{**path}", "/api/v1/collections/", "/c/{entity}/{collection}", "/share/{secret}"])
            Assert.Contains(door, patterns);
        Assert.Equal(
            (string[])["/api/api-token-auth/", "/api/download/{ticket}/{fileName}", "/assets/config/config.prod.json", "/assets/{name}", "/auth/external", "/auth/external/callback", "/auth/sign-in",
                "/healthz", "/readyz", "/robots.txt", "/share/{secret}", "/upload", "/v2/token", "/v2/token",
                "/v2/uploads/parts/{secret}", "/v2/uploads/{secret}", "/version"],
            publicRoutes);
    }

    private static async Task<AnonymousAnswer> AskAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        return await AnonymousAnswer.ReadAsync(response);
    }
}
