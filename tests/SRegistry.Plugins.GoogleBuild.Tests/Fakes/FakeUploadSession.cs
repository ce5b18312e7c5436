namespace SRegistry.Plugins.GoogleBuild.Tests.Fakes;

/// <summary>A resumable upload session of the fake bucket.</summary>
public sealed class FakeUploadSession(string name, string file)
{
    public string Name { get; } = name;

    public string File { get; } = file;

    public long Persisted { get; set; }

    public bool Open { get; set; } = true;
}
