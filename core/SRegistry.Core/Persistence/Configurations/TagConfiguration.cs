using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("tags");

        // Also serves "tags of a container", the most frequent tag lookup.
        builder.HasIndex(t => new { t.ContainerId, t.Arch, t.Name }).IsUnique();
        builder.HasIndex(t => t.Name).ForSubstringSearch();
        builder.HasOne(t => t.Container).WithMany(c => c.Tags).HasForeignKey(t => t.ContainerId).OnDelete(DeleteBehavior.Cascade);

        // The key includes the container, so a tag in a public container cannot expose an image of a private one.
        builder.HasOne(t => t.Image).WithMany(i => i.Tags)
            .HasForeignKey(t => new { t.ContainerId, t.ImageId })
            .HasPrincipalKey(i => new { i.ContainerId, i.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
