using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> builder)
    {
        builder.ToTable("labels");
        builder.HasIndex(l => new { l.ImageId, l.Key }).IsUnique();
        builder.HasIndex(l => l.Key).ForSubstringSearch();
        builder.HasIndex(l => l.Value).ForSubstringSearch();
        builder.HasOne(l => l.Image).WithMany(i => i.Labels).HasForeignKey(l => l.ImageId).OnDelete(DeleteBehavior.Cascade);
    }
}
