using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class ContainerConfiguration : IEntityTypeConfiguration<Container>
{
    public void Configure(EntityTypeBuilder<Container> builder)
    {
        builder.ToTable("containers");
        builder.HasIndex(c => new { c.CollectionId, c.Name }).IsUnique();
        builder.HasIndex(c => c.Name).ForSubstringSearch();
        builder.HasIndex(c => c.Description).ForSubstringSearch();
        builder.HasOne(c => c.Collection).WithMany(c => c.Containers).HasForeignKey(c => c.CollectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
