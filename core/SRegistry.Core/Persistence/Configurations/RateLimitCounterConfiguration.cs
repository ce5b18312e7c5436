using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        // Written only by one upsert statement per request; old windows are deleted in bulk.
        builder.ToTable("rate_limit_counters");
        builder.HasKey(c => new { c.Key, c.WindowStart });
        builder.HasIndex(c => c.WindowStart);
    }
}
