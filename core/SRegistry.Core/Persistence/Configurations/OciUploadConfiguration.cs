using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class OciUploadConfiguration : IEntityTypeConfiguration<OciUpload>
{
    public void Configure(EntityTypeBuilder<OciUpload> builder)
    {
        builder.ToTable("oci_uploads");
        builder.Property(u => u.Id).ValueGeneratedNever();

        // Pruning finds expired uploads.
        builder.HasIndex(u => u.ExpiresAt);
        builder.HasOne<Container>().WithMany().HasForeignKey(u => u.ContainerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(u => u.CreatedByUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
