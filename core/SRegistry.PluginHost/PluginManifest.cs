using System.Text.Json;

namespace SRegistry.PluginHost;

/// <summary>A plugin's <c>plugin.json</c>, read before any of the plugin's code loads.</summary>
/// <param name="Id">The plugin id; equals the name of the plugin's folder.</param>
/// <param name="Name">A human-readable name.</param>
/// <param name="Version">The plugin's own version, as written.</param>
/// <param name="Assembly">The file name of the entry assembly inside the plugin folder.</param>
/// <param name="ContractVersion">The plugin contract (<c>major.minor</c>) the plugin was built against.</param>
public sealed record PluginManifest(string Id, string Name, string Version, string Assembly, Version ContractVersion)
{
    /// <summary>The manifest's file name inside a plugin folder.</summary>
    public const string FileName = "plugin.json";

    private static readonly string[] Fields = ["id", "name", "version", "assembly", "contractVersion"];

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Reads and checks <c>plugin.json</c> in <paramref name="directory"/>, the folder of the plugin
    /// enabled as <paramref name="pluginId"/>. Throws <see cref="PluginLoadException"/> when the file
    /// is missing, is not valid JSON, lacks a field or names another id.
    /// </summary>
    public static PluginManifest Read(string pluginId, string directory)
    {
        var file = Path.Combine(directory, FileName);
        if (!File.Exists(file))
        {
            throw Invalid(pluginId, $"{file} does not exist. Every plugin folder needs a {FileName} (id, name, version, assembly, contractVersion) next to its assembly; republish the plugin (its project copies {FileName} to the publish folder) or add the file.");
        }

        var values = ReadStrings(pluginId, file);
        var missing = Fields.Where(field => string.IsNullOrWhiteSpace(values.GetValueOrDefault(field))).ToList();
        if (missing.Count > 0)
        {
            throw Invalid(pluginId, $"{file} lacks {string.Join(", ", missing.Select(field => $"\"{field}\""))} (each must be a non-empty string). Add the missing fields or republish the plugin.");
        }

        var id = values["id"]!;
        if (id != pluginId)
        {
            throw Invalid(pluginId, $"{file} says its id is \"{id}\", but the plugin is enabled and stored as \"{pluginId}\"; the id must equal the folder name. Rename the folder to \"{id}\" and enable \"{id}\" in Plugins:Enabled, or correct the id.");
        }

        var assembly = values["assembly"]!;
        if (Path.GetFileName(assembly) != assembly)
        {
            throw Invalid(pluginId, $"{file} names the assembly \"{assembly}\", which is not a plain file name. Set \"assembly\" to the entry assembly's file name inside the plugin folder, for example \"SRegistry.Plugins.Example.dll\".");
        }

        var contract = values["contractVersion"]!;
        if (!System.Version.TryParse(contract, out var contractVersion) || contractVersion.Build != -1)
        {
            throw Invalid(pluginId, $"{file} has contractVersion \"{contract}\", which is not \"major.minor\". Set it to the contract version of the SRegistry.Abstractions the plugin is built against, for example \"1.0\".");
        }

        return new PluginManifest(id, values["name"]!, values["version"]!, assembly, contractVersion);
    }

    private static Dictionary<string, string?> ReadStrings(string pluginId, string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file), JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(pluginId, $"{file} must hold a JSON object with the fields {string.Join(", ", Fields)}. Fix the file or republish the plugin.");
            }

            return document.RootElement.EnumerateObject()
                .Where(property => property.Value.ValueKind == JsonValueKind.String)
                .DistinctBy(property => property.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(property => property.Name, property => property.Value.GetString(), StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException exception)
        {
            throw Invalid(pluginId, $"{file} is not valid JSON: {exception.Message} Fix the file or republish the plugin.", exception);
        }
    }

    private static PluginLoadException Invalid(string pluginId, string detail, Exception? inner = null) =>
        new(pluginId, $"Plugin \"{pluginId}\": {detail}", inner);
}
