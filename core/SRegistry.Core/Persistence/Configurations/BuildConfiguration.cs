using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class BuildConfiguration : IEntityTypeConfiguration<Build>
{
    public void Configure(EntityTypeBuilder<Build> builder)
    {
        builder.ToTable("builds");
        builder.Property(b => b.Id).ValueGeneratedNever();

        // The dispatcher claims the oldest queued builds; the REST API lists a collection's builds.
        builder.HasIndex(b => new { b.State, b.QueuedAt });
        builder.HasIndex(b => new { b.Entity, b.Collection, b.QueuedAt });
        builder.HasIndex(b => new { b.ConnectionId, b.Commit });

        // Builds are history: they outlive the image, the owner and the connection.
        builder.HasOne<Image>().WithMany().HasForeignKey(b => b.ImageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<RepositoryConnection>().WithMany().HasForeignKey(b => b.ConnectionId).OnDelete(DeleteBehavior.SetNull);
    }
}
