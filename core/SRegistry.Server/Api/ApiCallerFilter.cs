using SRegistry.Core.Catalog;
using SRegistry.Server.Authentication;

namespace SRegistry.Server.Api;

/// <summary>Resolves who is calling the REST API once per request; a token that does not work is a 401 problem.</summary>
public sealed class ApiCallerFilter(CallerFactory callers) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var (_, failure) = await TokenCallers.ResolveAsync(invocation.HttpContext, callers);
        return failure is null ? await next(invocation) : ApiResults.Problem(StatusCodes.Status401Unauthorized, "invalid_token", failure);
    }
}
