using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        builder.ToTable("share_links");
        builder.HasIndex(s => s.SecretHash).IsUnique();
        builder.HasOne(s => s.Image).WithMany().HasForeignKey(s => s.ImageId).OnDelete(DeleteBehavior.Cascade);

        // A capability must not outlive the account that granted it.
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.CreatedByUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
