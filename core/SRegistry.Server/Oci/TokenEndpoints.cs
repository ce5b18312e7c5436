using System.Globalization;
using Microsoft.Net.Http.Headers;
using SRegistry.Core.Catalog;
using Microsoft.Extensions.Options;
using SRegistry.Core.Oci;
using SRegistry.Server.Privacy;

namespace SRegistry.Server.Oci;

/// <summary>
/// <c>/v2/token</c>, the token endpoint of the Docker token protocol: GET with Basic credentials (or
/// none: an anonymous, pull-only token for public repositories), POST form with a password or refresh
/// token. Granted actions are those requested and allowed.
/// </summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapOciTokens(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v2/token", async (
            HttpContext context, OciCredentials credentials, OciRepositories repositories, OciTokens tokens, TimeProvider time, IOptions<PrivacyOptions> privacy) =>
        {
            var request = context.Request;
            var header = request.Headers[HeaderNames.Authorization].ToString();
            (Caller Caller, IReadOnlyList<string> Scopes)? signedIn = null;
            if (header.Length > 0)
            {
                if (!OciCredentials.TryReadBasic(header, out var user, out var secret)
                    || (signedIn = await credentials.VerifyAsync(user, secret, context.RequestAborted)) is null)
                    return WrongCredentials(context);
            }

            var wantsRefresh = request.Query["offline_token"] == "true" && signedIn is not null;
            // In private mode anonymous callers may see nothing, and what a token grants must not tell
            // which names exist (its sealed size would): an anonymous token there grants nothing at all.
            var grantNothing = signedIn is null && privacy.Value.PrivateMode;
            return await IssueAsync(signedIn, request.Query["scope"], wantsRefresh, grantNothing ? null : repositories, tokens, time, context.RequestAborted);
        }).PublicInPrivateMode(); // Signing in; in private mode an anonymous token grants nothing (IssueAsync).

        endpoints.MapPost("/v2/token", async (
            HttpContext context, OciCredentials credentials, CallerFactory callers, OciRepositories repositories, OciTokens tokens, TimeProvider time) =>
        {
            if (!context.Request.HasFormContentType)
                return OciResults.Error(StatusCodes.Status400BadRequest, "UNSUPPORTED", "POST /v2/token takes an application/x-www-form-urlencoded form.");
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            (Caller Caller, IReadOnlyList<string> Scopes)? signedIn;
            switch (form["grant_type"].ToString())
            {
                case "password":
                    signedIn = await credentials.VerifyAsync(form["username"].ToString(), form["password"].ToString(), context.RequestAborted);
                    break;
                case "refresh_token":
                    var refresh = tokens.ReadRefresh(form["refresh_token"].ToString());
                    signedIn = refresh?.UserId is { } userId
                        ? await RefreshedAsync(callers, userId, refresh.Scopes, context.RequestAborted)
                        : null;
                    break;
                default:
                    return OciResults.Error(StatusCodes.Status400BadRequest, "UNSUPPORTED", "grant_type must be password or refresh_token.");
            }

            if (signedIn is null)
                return WrongCredentials(context);
            return await IssueAsync(signedIn, form["scope"], wantsRefresh: true, repositories, tokens, time, context.RequestAborted);
        }).PublicInPrivateMode();
        return endpoints;
    }

    // The user as of now: a refresh token of a disabled user issues nothing.
    private static async Task<(Caller, IReadOnlyList<string>)?> RefreshedAsync(CallerFactory callers, long userId, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var caller = await callers.ForUserIdAsync(userId, scopes, cancellationToken);
        return caller.IsAnonymous ? null : (caller, scopes);
    }

    // Without repositories (an anonymous caller in private mode) every requested scope is granted nothing.
    private static async Task<IResult> IssueAsync(
        (Caller Caller, IReadOnlyList<string> Scopes)? signedIn, IEnumerable<string?> scopes, bool wantsRefresh,
        OciRepositories? repositories, OciTokens tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = signedIn?.Caller ?? Caller.Anonymous;
        var grants = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, requested) in TokenScopeRequest.Parse(scopes))
        {
            IReadOnlySet<string> allowed = repositories is null ? new HashSet<string>() : await repositories.AllowedActionsAsync(name, caller, cancellationToken);
            grants[name.ToString()] = [.. requested.Where(allowed.Contains).Order(StringComparer.Ordinal)];
        }

        var access = new OciAccess(caller.UserId, signedIn?.Scopes ?? [], grants);
        var token = tokens.Issue(access);
        return Results.Json(new Dictionary<string, object>
        {
            ["token"] = token,
            ["access_token"] = token,
            ["expires_in"] = (int)tokens.Lifetime.TotalSeconds,
            ["issued_at"] = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        }.Concat(wantsRefresh && caller.UserId is not null ? [new("refresh_token", tokens.IssueRefresh(access))] : Array.Empty<KeyValuePair<string, object>>())
         .ToDictionary());
    }

    private static IResult WrongCredentials(HttpContext context)
    {
        context.Response.Headers[HeaderNames.WWWAuthenticate] = $"Basic realm=\"{context.Request.Host}\"";
        return OciResults.Error(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "The user name and password (or API token) do not match an active account.");
    }
}
