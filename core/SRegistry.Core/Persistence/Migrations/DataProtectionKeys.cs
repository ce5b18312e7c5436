using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SRegistry.Core.Persistence.Migrations;

[DbContext(typeof(RegistryDbContext))]
[Migration("20261122030000_DataProtectionKeys")]
internal sealed class DataProtectionKeys : SqlScriptMigration;
