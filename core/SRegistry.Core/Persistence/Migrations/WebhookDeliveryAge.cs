using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SRegistry.Core.Persistence.Migrations;

[DbContext(typeof(RegistryDbContext))]
[Migration("20261123010000_WebhookDeliveryAge")]
internal sealed class WebhookDeliveryAge : SqlScriptMigration;
