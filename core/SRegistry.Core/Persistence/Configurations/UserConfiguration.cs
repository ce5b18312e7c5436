using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    // A robot belongs to exactly one collection or team, and never has a password (it cannot sign in).
    private const string RobotScopeCheck =
        "num_nonnulls(robot_collection_id, robot_team_id) = 0 OR (num_nonnulls(robot_collection_id, robot_team_id) = 1 AND password_hash IS NULL)";

    public void Configure(EntityTypeBuilder<User> builder)
    {
        // Names are stored lowercase (the domain validates them so), which makes a plain unique index
        // case-insensitive in effect; the check makes a caller that forgets to normalise fail loudly
        // instead of creating "Alice" next to "alice".
        builder.ToTable("users", table =>
        {
            table.HasCheckConstraint("ck_users_user_name_lowercase", "user_name = lower(user_name)");
            table.HasCheckConstraint("ck_users_robot_scope", RobotScopeCheck);
        });
        builder.HasIndex(u => u.UserName).IsUnique();

        // One account per external identity, or two people could share a login.
        builder.HasIndex(u => new { u.ExternalProvider, u.ExternalSubject }).IsUnique();

        // A robot goes with the collection or team it was made for; its tokens go with it.
        builder.HasOne<Collection>().WithMany().HasForeignKey(u => u.RobotCollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team>().WithMany().HasForeignKey(u => u.RobotTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(u => u.RobotCreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}
