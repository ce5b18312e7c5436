using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class RepositoryConnectionConfiguration : IEntityTypeConfiguration<RepositoryConnection>
{
    public void Configure(EntityTypeBuilder<RepositoryConnection> builder)
    {
        builder.ToTable("repository_connections");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => new { c.CollectionId, c.Provider, c.Repository }).IsUnique();
        builder.HasOne(c => c.Collection).WithMany().HasForeignKey(c => c.CollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.CreatedBy).WithMany().HasForeignKey(c => c.CreatedByUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
