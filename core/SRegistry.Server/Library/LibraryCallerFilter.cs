using Microsoft.AspNetCore.Authentication;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Server.Authentication;

namespace SRegistry.Server.Library;

/// <summary>
/// Resolves who is calling once per request. A request that carries a token which does not work is
/// answered 401 here, instead of quietly being treated as anonymous (which would turn a typo in a
/// token into a confusing "not found").
/// </summary>
public sealed class LibraryCallerFilter(CallerFactory callers) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var result = await context.AuthenticateAsync(ApiTokenAuthenticationHandler.SchemeName);
        if (result.Failure is { } failure)
        {
            return LibraryResults.Error(StatusCodes.Status401Unauthorized, failure.Message);
        }

        context.Items[typeof(Caller)] = context.Items[typeof(ApiToken)] is ApiToken token
            ? await callers.ForTokenAsync(token, context.RequestAborted)
            : Caller.Anonymous;
        return await next(invocation);
    }
}
