namespace SRegistry.Server.Tests.ScaleOut;

/// <summary>One scaled-out registry (two instances, one database, one bucket) for every scale-out test class.</summary>
[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutFixture>
{
    public const string Name = "Scale-out";
}
