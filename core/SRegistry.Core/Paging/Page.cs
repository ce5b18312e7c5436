namespace SRegistry.Core.Paging;

/// <summary>One page of a list and how many items the whole list holds.</summary>
/// <param name="Items">The items on this page.</param>
/// <param name="Request">The page that was asked for.</param>
/// <param name="Total">Items in the whole list (only those the caller may see).</param>
public sealed record Page<T>(IReadOnlyList<T> Items, PageRequest Request, int Total) : IPage
{
    /// <summary>Whether a page follows this one.</summary>
    public bool HasNext => Request.Skip + Items.Count < Total;

    /// <summary>The same page with its items mapped, for views.</summary>
    public Page<TView> Select<TView>(Func<T, TView> view) => new([.. Items.Select(view)], Request, Total);
}
