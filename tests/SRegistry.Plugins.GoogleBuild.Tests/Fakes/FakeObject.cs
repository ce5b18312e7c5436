using System.Globalization;

namespace SRegistry.Plugins.GoogleBuild.Tests.Fakes;

/// <summary>An object in the fake bucket: one generation, its bytes in a file.</summary>
public sealed record FakeObject(string Name, string File, long Size, long Generation, DateTimeOffset Created)
{
    /// <summary>The JSON API's object resource (int64 fields as strings, as documented).</summary>
    public object Resource() => new
    {
        kind = "storage#object",
        bucket = FakeCloudStorage.Bucket,
        name = Name,
        size = Size.ToString(CultureInfo.InvariantCulture),
        generation = Generation.ToString(CultureInfo.InvariantCulture),
        timeCreated = Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        contentType = "application/octet-stream",
    };
}
