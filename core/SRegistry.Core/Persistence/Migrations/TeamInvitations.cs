using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SRegistry.Core.Persistence.Migrations;

[DbContext(typeof(RegistryDbContext))]
[Migration("20261121220000_TeamInvitations")]
internal sealed class TeamInvitations : SqlScriptMigration;
