using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        // Names are stored lowercase (the domain validates them so), which makes a plain unique index
        // case-insensitive in effect; the check makes a caller that forgets to normalise fail loudly
        // instead of creating "Alice" next to "alice".
        builder.ToTable("users", table => table.HasCheckConstraint("ck_users_user_name_lowercase", "user_name = lower(user_name)"));
        builder.HasIndex(u => u.UserName).IsUnique();

        // One account per external identity, or two people could share a login.
        builder.HasIndex(u => new { u.ExternalProvider, u.ExternalSubject }).IsUnique();
    }
}
