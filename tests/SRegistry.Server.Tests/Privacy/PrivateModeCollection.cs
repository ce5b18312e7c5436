namespace SRegistry.Server.Tests.Privacy;

/// <summary>One private-mode server for the private-mode and robot test classes.</summary>
[CollectionDefinition(Name)]
public sealed class PrivateModeCollection : ICollectionFixture<PrivateModeFixture>
{
    public const string Name = "Private mode";
}
