using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class ManifestConfiguration : IEntityTypeConfiguration<Manifest>
{
    public void Configure(EntityTypeBuilder<Manifest> builder)
    {
        builder.ToTable("manifests");
        builder.HasIndex(m => new { m.ContainerId, m.Digest }).IsUnique();

        // The referrers API finds manifests by their subject.
        builder.HasIndex(m => new { m.ContainerId, m.SubjectDigest });

        // Like images, manifests go on purpose, never as a side effect of a container delete. A SIF
        // artifact's manifest is the OCI face of its image and goes with it.
        builder.HasOne(m => m.Container).WithMany().HasForeignKey(m => m.ContainerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Image>().WithMany().HasForeignKey(m => m.ImageId).OnDelete(DeleteBehavior.Cascade);
    }
}
