namespace SRegistry.Server.Tests.Builds;

/// <summary>The build tests share one server: its limit of one build at a time makes them run one after another anyway.</summary>
[CollectionDefinition(Name)]
public sealed class BuildServerCollection : ICollectionFixture<BuildServerFixture>
{
    public const string Name = "Builds";
}
