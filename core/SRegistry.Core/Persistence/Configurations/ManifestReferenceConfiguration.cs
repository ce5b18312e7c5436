using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class ManifestReferenceConfiguration : IEntityTypeConfiguration<ManifestReference>
{
    public void Configure(EntityTypeBuilder<ManifestReference> builder)
    {
        builder.ToTable("manifest_references");
        builder.HasKey(r => new { r.ManifestId, r.Digest });

        // Reference counting asks "who names this digest".
        builder.HasIndex(r => r.Digest);
        builder.HasOne<Manifest>().WithMany(m => m.References).HasForeignKey(r => r.ManifestId).OnDelete(DeleteBehavior.Cascade);
    }
}
