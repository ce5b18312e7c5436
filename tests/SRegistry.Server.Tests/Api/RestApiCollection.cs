using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests.Api;

/// <summary>One server with alice and bob for every REST API test class; each test works under its own names.</summary>
[CollectionDefinition(Name)]
public sealed class RestApiCollection : ICollectionFixture<LibraryServerFixture>
{
    public const string Name = "REST API";
}
