using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class StoredBlobConfiguration : IEntityTypeConfiguration<StoredBlob>
{
    public void Configure(EntityTypeBuilder<StoredBlob> builder)
    {
        // No foreign key from images: an image row exists before its bytes arrive, and the blob
        // garbage collector, not the database, decides when content is unreferenced.
        builder.ToTable("blobs");
        builder.HasKey(b => b.Digest);
        builder.HasIndex(b => b.TouchedAt);
    }
}
