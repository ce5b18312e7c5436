using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class RepositoryBlobConfiguration : IEntityTypeConfiguration<RepositoryBlob>
{
    public void Configure(EntityTypeBuilder<RepositoryBlob> builder)
    {
        builder.ToTable("repository_blobs");
        builder.HasKey(b => new { b.ContainerId, b.Digest });
        builder.HasIndex(b => b.Digest);
        builder.HasOne<Container>().WithMany().HasForeignKey(b => b.ContainerId).OnDelete(DeleteBehavior.Cascade);
    }
}
