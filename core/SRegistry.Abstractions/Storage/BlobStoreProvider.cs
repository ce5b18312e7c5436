namespace SRegistry.Abstractions.Storage;

/// <summary>
/// A named way to create the registry's <see cref="IBlobStore"/>; configuration picks one with
/// <c>Storage:Provider</c>. Register with
/// <see cref="RegistryServiceCollectionExtensions.AddBlobStoreProvider"/>.
/// </summary>
/// <param name="Key">The configuration value that selects it, for example <c>s3</c>.</param>
/// <param name="Create">Creates the store once, when the host starts.</param>
public sealed record BlobStoreProvider(string Key, Func<IServiceProvider, IBlobStore> Create);
