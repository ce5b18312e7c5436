using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SRegistry.Core.Oci;

namespace SRegistry.Server.Oci;

/// <summary>
/// The 401 answer that starts the token dance: <c>WWW-Authenticate: Bearer realm, service, scope</c>, the
/// realm on this server's own host and port, so the client fetches its token from where it pushes.
/// </summary>
public sealed class OciChallenge(IOptions<OciOptions> options)
{
    /// <param name="context">The request.</param>
    /// <param name="scope">The scope the client should ask for (<c>repository:name:pull,push</c>), or null.</param>
    /// <param name="message">What to tell the user.</param>
    /// <param name="insufficientScope">The request had a token, just not for this: clients then fetch a token for <paramref name="scope"/>.</param>
    public IResult Unauthorized(HttpContext context, string? scope, string message, bool insufficientScope = false)
    {
        var request = context.Request;
        var challenge = $"Bearer realm=\"{request.Scheme}://{request.Host}/v2/token\",service=\"{options.Value.Service}\"";
        if (scope is not null)
            challenge += $",scope=\"{scope}\"";
        if (insufficientScope)
            challenge += ",error=\"insufficient_scope\"";
        context.Response.Headers[HeaderNames.WWWAuthenticate] = challenge;
        return OciResults.Error(StatusCodes.Status401Unauthorized, "UNAUTHORIZED", message);
    }
}
