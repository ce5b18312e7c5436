using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class UploadSessionConfiguration : IEntityTypeConfiguration<UploadSession>
{
    public void Configure(EntityTypeBuilder<UploadSession> builder)
    {
        builder.ToTable("upload_sessions", table =>
            table.HasCheckConstraint("ck_upload_sessions_kind", "kind IN ('SinglePart', 'Multipart', 'MultipartPart')"));
        builder.Property(s => s.Id).ValueGeneratedNever();

        // Receiving bytes looks the session up by the hash of the secret in the URL.
        builder.HasIndex(s => s.SecretHash).IsUnique();

        // Pruning finds expired sessions.
        builder.HasIndex(s => s.ExpiresAt);

        // An upload is meaningless without its image; its parts without the upload; a capability
        // without the account that asked for it.
        builder.HasOne<Image>().WithMany().HasForeignKey(s => s.ImageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UploadSession>().WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.CreatedByUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
