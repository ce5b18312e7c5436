using SRegistry.Core.Catalog;

namespace SRegistry.Server.Library;

/// <summary>Request facts the library endpoints share.</summary>
public static class LibraryHttpContextExtensions
{
    /// <summary>The caller resolved by <see cref="LibraryCallerFilter"/>.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException("LibraryCallerFilter did not run for this endpoint.");

    /// <summary>
    /// The <c>arch</c> query value, or null when empty. Old clients escaped the whole pair
    /// (<c>?arch%3Damd64</c>), which arrives as a key named <c>arch=amd64</c>.
    /// </summary>
    public static string? Arch(this HttpRequest request)
    {
        var arch = request.Query["arch"].ToString();
        if (arch.Length == 0)
        {
            arch = request.Query.Keys.FirstOrDefault(k => k.StartsWith("arch=", StringComparison.Ordinal))?["arch=".Length..] ?? "";
        }

        return arch.Length == 0 ? null : arch;
    }

    /// <summary>This server's own address as clients reach it, for absolute URLs.</summary>
    public static string BaseUrl(this HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
