using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class EntityConfiguration : IEntityTypeConfiguration<Entity>
{
    public void Configure(EntityTypeBuilder<Entity> builder)
    {
        builder.ToTable("entities", table =>
        {
            table.HasCheckConstraint("ck_entities_name_lowercase", "name = lower(name)");
            table.HasCheckConstraint("ck_entities_at_most_one_owner", "num_nonnulls(owner_user_id, owner_team_id) <= 1");
        });
        builder.HasIndex(e => e.Name).IsUnique();

        // Deleting an owner must not silently take its namespace (and every image in it) along.
        builder.HasOne(e => e.OwnerUser).WithMany().HasForeignKey(e => e.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.OwnerTeam).WithMany().HasForeignKey(e => e.OwnerTeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
