using SRegistry.Core.Catalog;
using SRegistry.Server.Authentication;

namespace SRegistry.Server.Library;

/// <summary>Resolves who is calling the library API once per request; a token that does not work is a 401.</summary>
public sealed class LibraryCallerFilter(CallerFactory callers) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var (_, failure) = await TokenCallers.ResolveAsync(invocation.HttpContext, callers);
        return failure is null ? await next(invocation) : LibraryResults.Error(StatusCodes.Status401Unauthorized, failure);
    }
}
