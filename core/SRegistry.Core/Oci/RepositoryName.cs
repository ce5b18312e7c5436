using System.Diagnostics.CodeAnalysis;
using SRegistry.Core.Names;

namespace SRegistry.Core.Oci;

/// <summary>
/// An OCI repository name, <c>[[entity/]collection/]container</c>, with the same defaults as every other
/// door (see <see cref="ImageReference"/>).
/// </summary>
public sealed record RepositoryName(string Entity, string Collection, string Container)
{
    /// <summary>Parses a name; false with a message for anything with other characters, empty parts or more than three parts.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RepositoryName? name, out string error)
    {
        name = null;
        if (text is null || text.Contains(':') || text.Contains('@'))
        {
            error = $"The repository name '{NameValidation.Shown(text ?? "")}' is not valid; expected [[entity/]collection/]container in lowercase letters, digits and . _ -.";
            return false;
        }

        if (!ImageReference.TryParse(text, out var reference, out error))
            return false;
        name = new RepositoryName(reference.Entity, reference.Collection, reference.Container);
        return true;
    }

    /// <summary>The canonical form, <c>entity/collection/container</c>.</summary>
    public override string ToString() => $"{Entity}/{Collection}/{Container}";
}
