using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SRegistry.Core.Persistence.Configurations;

internal static class SubstringSearchIndex
{
    /// <summary>
    /// A GIN trigram index (pg_trgm), which <c>ILIKE '%text%'</c> in CatalogSearch can use. Created only where the
    /// extension could be (see the SearchTrigramIndexes migration); without it the search reads the table.
    /// </summary>
    public static IndexBuilder<T> ForSubstringSearch<T>(this IndexBuilder<T> index) =>
        index.HasMethod("gin").HasOperators("gin_trgm_ops");
}
