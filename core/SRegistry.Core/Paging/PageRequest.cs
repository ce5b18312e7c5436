namespace SRegistry.Core.Paging;

/// <summary>Which page of a list to return, numbered from 1.</summary>
/// <param name="Number">The page number, from 1.</param>
/// <param name="Size">Items per page, from 1 to <see cref="MaxSize"/>.</param>
public sealed record PageRequest(int Number, int Size)
{
    /// <summary>Items per page when the client does not say.</summary>
    public const int DefaultSize = 50;

    /// <summary>The most items a page may hold: bigger pages would let one request load the whole registry.</summary>
    public const int MaxSize = 500;

    /// <summary>The first page of the default size.</summary>
    public static PageRequest First { get; } = new(1, DefaultSize);

    /// <summary>
    /// How many items come before this page. Saturates instead of overflowing, so a page number far
    /// past the end is an empty page, not a negative offset.
    /// </summary>
    public int Skip => (int)Math.Clamp((Number - 1L) * Size, 0L, int.MaxValue);

    /// <summary>
    /// Reads a page request from optional query values; null values take the defaults.
    /// Returns false with a message saying what to fix when a value is out of range.
    /// </summary>
    public static bool TryCreate(int? number, int? size, out PageRequest page, out string error)
    {
        page = First;
        error = "";
        if (number is < 1)
        {
            error = $"The page number {number} is not valid; pages are numbered from 1.";
            return false;
        }

        if (size is < 1 or > MaxSize)
        {
            error = $"The page size {size} is not valid; give 1 to {MaxSize}.";
            return false;
        }

        page = new PageRequest(number ?? 1, size ?? DefaultSize);
        return true;
    }
}
