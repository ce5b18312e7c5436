namespace SRegistry.Core.Tests.Persistence;

/// <summary>Tests in this collection share one <see cref="PostgresFixture"/> cluster and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "Postgres";
}
