using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SRegistry.Core.Persistence.Migrations;

[DbContext(typeof(RegistryDbContext))]
[Migration(Id)]
internal sealed class SearchTrigramIndexes : SqlScriptMigration
{
    public const string Id = "20261124000000_SearchTrigramIndexes";
}
