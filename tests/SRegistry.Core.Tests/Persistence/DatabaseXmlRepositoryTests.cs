using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseXmlRepositoryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task KeyRing_StoredByOneRepository_IsReadByAnother()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var writer = new DatabaseXmlRepository(Factory(connectionString), TimeProvider.System);
        var reader = new DatabaseXmlRepository(Factory(connectionString), TimeProvider.System);

        writer.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "k1")), "key-k1");
        writer.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "k2")), "key-k2");

        Assert.Equal(["k1", "k2"], reader.GetAllElements().Select(e => (string)e.Attribute("id")!));
    }

    private static PooledDbContextFactory<RegistryDbContext> Factory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        options.UseRegistryDatabase(connectionString);
        return new(options.Options, poolSize: 4);
    }
}
