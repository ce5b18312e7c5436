using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SRegistry.Core.Persistence.Migrations;

[DbContext(typeof(RegistryDbContext))]
[Migration("20261122030100_DirectUploads")]
internal sealed class DirectUploads : SqlScriptMigration;
