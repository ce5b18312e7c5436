using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SRegistry.PluginHost;

/// <summary>
/// Reads which SRegistry.Abstractions an assembly was compiled against, from its metadata only:
/// loading it first would already bind the reference.
/// </summary>
internal static class AbstractionsReference
{
    public const string AssemblyName = "SRegistry.Abstractions";

    /// <summary>
    /// Returns the referenced version, or null when the assembly does not reference Abstractions.
    /// Throws <see cref="BadImageFormatException"/> when the file is not a .NET assembly.
    /// </summary>
    public static Version? Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var peReader = new PEReader(stream);
        if (!peReader.HasMetadata)
        {
            throw new BadImageFormatException("The file has no .NET metadata.", assemblyPath);
        }

        var metadata = peReader.GetMetadataReader();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            if (metadata.StringComparer.Equals(reference.Name, AssemblyName))
            {
                return reference.Version;
            }
        }

        return null;
    }
}
