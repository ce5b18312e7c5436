namespace SRegistry.Storage.S3.Tests.Moto;

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoFixture>
{
    public const string Name = "moto";
}
