using System.Text;

namespace SRegistry.Server.Tests.Infrastructure;

/// <summary>Searches files for a string, to prove a secret was never written in plaintext.</summary>
public static class FileTree
{
    public static bool Contains(string directory, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Any(file => File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0);
    }
}
