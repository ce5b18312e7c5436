using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class ManifestTagConfiguration : IEntityTypeConfiguration<ManifestTag>
{
    public void Configure(EntityTypeBuilder<ManifestTag> builder)
    {
        builder.ToTable("manifest_tags");
        builder.HasIndex(t => new { t.ContainerId, t.Name }).IsUnique();
        builder.HasOne<Container>().WithMany().HasForeignKey(t => t.ContainerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Manifest).WithMany().HasForeignKey(t => t.ManifestId).OnDelete(DeleteBehavior.Cascade);
    }
}
