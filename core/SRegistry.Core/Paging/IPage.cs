namespace SRegistry.Core.Paging;

/// <summary>Where a page lies in its list, whatever it holds (for pagers).</summary>
public interface IPage
{
    /// <summary>The page that was asked for.</summary>
    PageRequest Request { get; }

    /// <summary>Items in the whole list.</summary>
    int Total { get; }

    /// <summary>Whether a page follows this one.</summary>
    bool HasNext { get; }
}
