using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SRegistry.Core.Persistence.Migrations;

[DbContext(typeof(RegistryDbContext))]
[Migration("20261122010000_OneTimeUses")]
internal sealed class OneTimeUses : SqlScriptMigration;
