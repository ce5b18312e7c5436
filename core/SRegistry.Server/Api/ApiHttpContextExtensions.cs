using SRegistry.Core.Catalog;

namespace SRegistry.Server.Api;

/// <summary>Request facts the REST endpoints share.</summary>
public static class ApiHttpContextExtensions
{
    /// <summary>The caller resolved by <see cref="ApiCallerFilter"/>.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException("ApiCallerFilter did not run for this endpoint.");
}
