using System.Text;
using SRegistry.Core.Names;

namespace SRegistry.Core.Accounts;

/// <summary>Turns a directory's user name into one that follows the registry's name rules.</summary>
internal static class ExternalUserName
{
    /// <summary>
    /// Lowercases ASCII letters, turns every run of other characters into one <c>-</c> (keeping single
    /// <c>.</c> and <c>_</c>), trims separators from both ends and cuts at the length limit;
    /// null when nothing usable is left.
    /// </summary>
    public static string? Normalize(string userName)
    {
        var name = new StringBuilder(userName.Length);
        foreach (var c in userName.Trim())
        {
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
                name.Append(lower);
            else if (name.Length > 0 && !IsSeparator(name[^1]))
                name.Append(c is '.' or '_' ? c : '-');
        }

        var normalized = name.ToString(0, Math.Min(name.Length, NameValidation.MaxPartLength)).TrimEnd('.', '_', '-');
        return NameValidation.TryValidateUserName(normalized, out _) ? normalized : null;
    }

    private static bool IsSeparator(char c) => c is '.' or '_' or '-';
}
