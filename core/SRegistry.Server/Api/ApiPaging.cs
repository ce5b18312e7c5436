using SRegistry.Core.Paging;

namespace SRegistry.Server.Api;

/// <summary>The <c>page</c> and <c>perPage</c> query parameters every list takes.</summary>
/// <param name="Page">The page number, from 1 (default 1).</param>
/// <param name="PerPage">Items per page, 1 to 500 (default 50).</param>
public sealed record ApiPaging(int? Page, int? PerPage)
{
    /// <summary>The page request, or false with a message saying what to fix.</summary>
    public bool TryGetRequest(out PageRequest request, out string error) => PageRequest.TryCreate(Page, PerPage, out request, out error);
}
