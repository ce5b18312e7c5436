namespace SRegistry.Server.Api.Models;

/// <summary>One page of a list. A <c>Link: rel="next"</c> header points at the next page when there is one.</summary>
/// <param name="Items">The items on this page.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PerPage">The page size asked for.</param>
/// <param name="Total">Items in the whole list (only those the caller may see).</param>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PerPage, int Total);
