using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class CollectionMemberConfiguration : IEntityTypeConfiguration<CollectionMember>
{
    public void Configure(EntityTypeBuilder<CollectionMember> builder)
    {
        // A grant names exactly one grantee; a row with both or neither would be read differently by different checks.
        builder.ToTable("collection_members", table =>
        {
            table.HasCheckConstraint("ck_collection_members_user_or_team", "num_nonnulls(user_id, team_id) = 1");
            table.HasCheckConstraint("ck_collection_members_role", "role IN ('Contributor', 'Owner')");
        });

        // NULLs are distinct in unique indexes, so each index only constrains the rows of its own kind.
        builder.HasIndex(m => new { m.CollectionId, m.UserId }).IsUnique();
        builder.HasIndex(m => new { m.CollectionId, m.TeamId }).IsUnique();

        builder.HasOne(m => m.Collection).WithMany(c => c.Members).HasForeignKey(m => m.CollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Team).WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
