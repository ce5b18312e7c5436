using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SRegistry.PluginHost.Tests;

/// <summary>
/// A temporary plugins directory. Plugins come from the folders PublishPlugins.targets published
/// next to the test assembly, copied so each test may damage its own copy.
/// </summary>
public sealed class PluginFolders : IDisposable
{
    private static readonly string Published = Path.Combine(AppContext.BaseDirectory, "plugins");

    public PluginFolders()
    {
        Root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sregistry-plugins-" + Guid.NewGuid().ToString("N"))).FullName;
    }

    public string Root { get; }

    /// <summary>Copies the published plugin <paramref name="id"/> into the folder <paramref name="folder"/> (default: the id).</summary>
    public string Copy(string id, string? folder = null)
    {
        var source = Path.Combine(Published, id);
        Assert.True(Directory.Exists(source), $"{source} is missing: PublishPlugins.targets should have published {id}.");
        var target = Directory.CreateDirectory(Path.Combine(Root, folder ?? id)).FullName;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>Creates an empty plugin folder with a valid plugin.json naming <paramref name="assembly"/>.</summary>
    public string Create(string id, string assembly, string contractVersion = "1.2")
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, id)).FullName;
        var manifest = new JsonObject { ["id"] = id, ["name"] = id, ["version"] = "0.1.0", ["assembly"] = assembly, ["contractVersion"] = contractVersion };
        File.WriteAllText(Path.Combine(directory, "plugin.json"), manifest.ToJsonString());
        return directory;
    }

    /// <summary>Changes one field of a plugin's plugin.json.</summary>
    public void SetManifestField(string folder, string field, string value)
    {
        var path = Path.Combine(Root, folder, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        manifest[field] = value;
        File.WriteAllText(path, manifest.ToJsonString());
    }

    public PluginLoader Loader(params string[] enabled) => Loader(NullLogger.Instance, enabled);

    public PluginLoader Loader(ILogger logger, params string[] enabled) =>
        new(new PluginsOptions { Directory = Root, Enabled = enabled }, logger);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Windows keeps loaded plugin assemblies locked; the OS cleans the temp folder later.
        }
    }
}
