namespace SRegistry.Plugins.GoogleBuild.Storage;

/// <summary>What the Cloud Storage JSON API says about an object.</summary>
/// <param name="Name">The object's name in the bucket.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="Generation">The generation number, for preconditions.</param>
/// <param name="Created">When this generation was created.</param>
public sealed record GcsObject(string Name, long Size, long Generation, DateTimeOffset Created);
