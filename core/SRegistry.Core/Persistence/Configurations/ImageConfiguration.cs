using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class ImageConfiguration : IEntityTypeConfiguration<Image>
{
    public void Configure(EntityTypeBuilder<Image> builder)
    {
        builder.ToTable("images");
        builder.HasIndex(i => new { i.ContainerId, i.Digest, i.Arch }).IsUnique();

        // Blob downloads and garbage collection find images by content alone.
        builder.HasIndex(i => i.Digest);

        // Lets tags reference (container, image) so a tag can never point into another container.
        builder.HasAlternateKey(i => new { i.ContainerId, i.Id });

        // Images are deleted on purpose (their blobs lose a reference), never as a side effect of a container delete.
        builder.HasOne(i => i.Container).WithMany(c => c.Images).HasForeignKey(i => i.ContainerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
