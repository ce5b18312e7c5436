namespace SRegistry.Server.Tests.Infrastructure;

/// <summary>The plugins published next to the test assembly by PublishPlugins.targets.</summary>
public static class PublishedPlugins
{
    /// <summary>Copies the published plugin <paramref name="id"/> into <c>&lt;pluginsDirectory&gt;/&lt;id&gt;</c>, as an operator would.</summary>
    public static void InstallInto(string pluginsDirectory, string id)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "plugins", id);
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"Plugin '{id}' was not published to {source}.");
        var target = Path.Combine(pluginsDirectory, id);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
