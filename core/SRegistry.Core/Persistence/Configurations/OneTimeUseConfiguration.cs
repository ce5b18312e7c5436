using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class OneTimeUseConfiguration : IEntityTypeConfiguration<OneTimeUse>
{
    public void Configure(EntityTypeBuilder<OneTimeUse> builder)
    {
        builder.ToTable("one_time_uses");
        builder.HasKey(u => new { u.Purpose, u.KeyHash });
        builder.HasIndex(u => u.ExpiresAt);
    }
}
