using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SRegistry.Core.Persistence.Migrations;

[DbContext(typeof(RegistryDbContext))]
[Migration("20261122000000_Builds")]
internal sealed class Builds : SqlScriptMigration;
