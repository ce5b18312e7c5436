using Microsoft.AspNetCore.Authentication;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Server.Authentication;

namespace SRegistry.Server.Api;

/// <summary>
/// Resolves who is calling the REST API once per request. A token that does not work is a 401 here,
/// not a quiet downgrade to anonymous (which would turn a typo into a confusing "not found").
/// </summary>
public sealed class ApiCallerFilter(CallerFactory callers) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var result = await context.AuthenticateAsync(ApiTokenAuthenticationHandler.SchemeName);
        if (result.Failure is { } failure)
            return ApiResults.Problem(StatusCodes.Status401Unauthorized, "invalid_token", failure.Message);

        context.Items[typeof(Caller)] = context.Items[typeof(ApiToken)] is ApiToken token
            ? await callers.ForTokenAsync(token, context.RequestAborted)
            : Caller.Anonymous;
        return await next(invocation);
    }
}
