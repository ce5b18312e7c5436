using Microsoft.EntityFrameworkCore;

namespace SRegistry.Core.Paging;

/// <summary>Runs a paged query: the count and the page, in two round trips.</summary>
public static class PagingQueryableExtensions
{
    /// <summary>The requested page of an ordered query, with the query's total count.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest request, CancellationToken cancellationToken = default)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = total <= request.Skip ? [] : await ordered.Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return new Page<T>(items, request, total);
    }
}
