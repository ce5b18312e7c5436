using Microsoft.AspNetCore.Authentication;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;

namespace SRegistry.Server.Authentication;

/// <summary>The caller behind a request's bearer API token, for the doors that take API tokens.</summary>
public static class TokenCallers
{
    /// <summary>
    /// The token's caller, or anonymous without a token. A token that does not work gives no caller
    /// and the reason: the doors answer 401 rather than quietly treating the request as anonymous
    /// (which would turn a typo in a token into a confusing "not found").
    /// </summary>
    public static async Task<(Caller? Caller, string? Failure)> ResolveAsync(HttpContext context, CallerFactory callers)
    {
        var result = await context.AuthenticateAsync(ApiTokenAuthenticationHandler.SchemeName);
        if (result.Failure is { } failure)
            return (null, failure.Message);
        var caller = context.Items[typeof(ApiToken)] is ApiToken token
            ? await callers.ForTokenAsync(token, context.RequestAborted)
            : Caller.Anonymous;
        context.Items[typeof(Caller)] = caller;
        return (caller, null);
    }
}
