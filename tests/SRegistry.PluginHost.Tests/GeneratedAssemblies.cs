using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.Extensions.DependencyInjection;
using SRegistry.Abstractions.Plugins;

namespace SRegistry.PluginHost.Tests;

/// <summary>Writes small assemblies that no plugin project should ever produce.</summary>
public static class GeneratedAssemblies
{
    /// <summary>An assembly with one public class and no RegistryPlugin attribute.</summary>
    public static void WithoutPluginAttribute(string path) => Save(path, entry: null);

    /// <summary>An assembly whose RegistryPlugin attribute names a class that is not an IRegistryPlugin.</summary>
    public static void WithEntryTypeNotAPlugin(string path) => Save(path, entry: module =>
    {
        var type = module.DefineType("Generated.NotAPlugin", TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed);
        type.DefineDefaultConstructor(MethodAttributes.Public);
        return type;
    });

    /// <summary>An assembly whose entry type implements IRegistryPlugin but has only a private constructor.</summary>
    public static void WithEntryTypeWithoutPublicConstructor(string path) => Save(path, entry: module =>
    {
        var type = module.DefineType("Generated.PrivateConstructorPlugin", TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed);
        type.AddInterfaceImplementation(typeof(IRegistryPlugin));
        type.DefineDefaultConstructor(MethodAttributes.Private);
        var configure = type.DefineMethod(
            nameof(IRegistryPlugin.ConfigureServices),
            MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.Final | MethodAttributes.HideBySig | MethodAttributes.NewSlot,
            typeof(void),
            [typeof(IServiceCollection), typeof(PluginContext)]);
        configure.GetILGenerator().Emit(OpCodes.Ret);
        return type;
    });

    /// <summary>A metadata-only assembly that references SRegistry.Abstractions <paramref name="abstractionsVersion"/>.</summary>
    public static void ReferencingAbstractions(string path, Version abstractionsVersion)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var metadata = new MetadataBuilder();
        metadata.AddModule(0, metadata.GetOrAddString(Path.GetFileName(path)), metadata.GetOrAddGuid(Guid.NewGuid()), default, default);
        metadata.AddAssembly(metadata.GetOrAddString(name), new Version(1, 0, 0, 0), default, default, default, AssemblyHashAlgorithm.Sha1);
        metadata.AddAssemblyReference(metadata.GetOrAddString("SRegistry.Abstractions"), abstractionsVersion, default, default, default, default);
        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default, MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        var pe = new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), new BlobBuilder());
        var image = new BlobBuilder();
        pe.Serialize(image);
        File.WriteAllBytes(path, image.ToArray());
    }

    private static void Save(string path, Func<ModuleBuilder, TypeBuilder>? entry)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
        var module = assembly.DefineDynamicModule(name);
        if (entry is null)
        {
            module.DefineType("Generated.Something", TypeAttributes.Public | TypeAttributes.Class).CreateType();
        }
        else
        {
            var type = entry(module).CreateType();
            var constructor = typeof(RegistryPluginAttribute).GetConstructor([typeof(Type)])!;
            assembly.SetCustomAttribute(new CustomAttributeBuilder(constructor, [type]));
        }

        assembly.Save(path);
    }
}
