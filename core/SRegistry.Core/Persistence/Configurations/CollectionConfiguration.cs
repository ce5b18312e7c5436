using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> builder)
    {
        builder.ToTable("collections");
        builder.HasIndex(c => new { c.EntityId, c.Name }).IsUnique();

        // An entity with collections is deleted only after its collections were deleted on purpose.
        builder.HasOne(c => c.Entity).WithMany(e => e.Collections).HasForeignKey(c => c.EntityId).OnDelete(DeleteBehavior.Restrict);
    }
}
