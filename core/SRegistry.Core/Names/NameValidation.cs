using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SRegistry.Core.Names;

/// <summary>
/// The rules for names in the registry. Each check returns a message that says what is wrong and
/// what is allowed, so every door can hand it to the client unchanged.
/// </summary>
/// <remarks>
/// Patterns end with <c>\z</c>, not <c>$</c>: <c>$</c> also matches before a trailing newline, which
/// would let <c>"name\n"</c> through. The character classes are ASCII ranges, so no Unicode letter
/// or digit can pass.
/// </remarks>
public static partial class NameValidation
{
    /// <summary>The longest entity, collection, container, user or team name.</summary>
    public const int MaxPartLength = 128;

    /// <summary>The longest tag (the OCI limit).</summary>
    public const int MaxTagLength = 128;

    /// <summary>The longest architecture name.</summary>
    public const int MaxArchLength = 32;

    private const string PartRule =
        "use lowercase letters a-z and digits 0-9, optionally separated by single '.', '_' or '-' " +
        "(starting and ending with a letter or digit)";

    private const string TagRule =
        "use letters, digits, '_', '.' and '-', at most 128 characters, not starting with '.' or '-'";

    private const string ArchRule = "use lowercase letters a-z, digits 0-9 and '_', at most 32 characters";

    /// <summary>
    /// Checks an entity, collection or container name (also used for users, teams and token names):
    /// <c>^[a-z0-9]+([._-][a-z0-9]+)*$</c>, at most <see cref="MaxPartLength"/> characters.
    /// </summary>
    /// <param name="value">The name to check.</param>
    /// <param name="what">What the name is for, used in the message, for example <c>collection name</c>.</param>
    /// <param name="error">Why the name is refused; empty when it is valid.</param>
    public static bool TryValidatePart([NotNullWhen(true)] string? value, string what, out string error)
    {
        if (string.IsNullOrEmpty(value))
            return Fail(out error, $"The {what} is empty; {PartRule}.");
        if (value.Length > MaxPartLength)
            return Fail(out error, $"The {what} is {value.Length} characters long; at most {MaxPartLength} are allowed.");
        if (PartPattern().IsMatch(value))
            return Succeed(out error);
        return Fail(out error, $"The {what} '{Shown(value)}' is not valid: {DescribePartProblem(value)}; {PartRule}.");
    }

    /// <summary>Checks a user name (the part rule: a user's name is also the name of their entity).</summary>
    public static bool TryValidateUserName([NotNullWhen(true)] string? value, out string error) =>
        TryValidatePart(value, "user name", out error);

    /// <summary>Checks a team name (the part rule: a team may own an entity of the same name).</summary>
    public static bool TryValidateTeamName([NotNullWhen(true)] string? value, out string error) =>
        TryValidatePart(value, "team name", out error);

    /// <summary>Checks a tag with the OCI rule <c>^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$</c>.</summary>
    public static bool TryValidateTag([NotNullWhen(true)] string? value, out string error)
    {
        if (string.IsNullOrEmpty(value))
            return Fail(out error, $"The tag is empty; {TagRule}.");
        if (value.Length > MaxTagLength)
            return Fail(out error, $"The tag is {value.Length} characters long; at most {MaxTagLength} are allowed.");
        return TagPattern().IsMatch(value)
            ? Succeed(out error)
            : Fail(out error, $"The tag '{Shown(value)}' is not valid; {TagRule}.");
    }

    /// <summary>Checks an architecture name such as <c>amd64</c> or <c>arm64</c>: <c>^[a-z0-9_]{1,32}$</c>.</summary>
    public static bool TryValidateArch([NotNullWhen(true)] string? value, out string error)
    {
        if (string.IsNullOrEmpty(value))
            return Fail(out error, $"The architecture is empty; {ArchRule}.");
        if (value.Length > MaxArchLength)
            return Fail(out error, $"The architecture is {value.Length} characters long; at most {MaxArchLength} are allowed.");
        return ArchPattern().IsMatch(value)
            ? Succeed(out error)
            : Fail(out error, $"The architecture '{Shown(value)}' is not valid; {ArchRule}.");
    }

    private static string DescribePartProblem(string value)
    {
        if (value.Any(char.IsAsciiLetterUpper))
            return "it contains uppercase letters";
        var bad = value.FirstOrDefault(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && !IsSeparator(c));
        if (bad != default)
            return char.IsControl(bad) || char.IsWhiteSpace(bad)
                ? $"it contains the character U+{(int)bad:X4}"
                : $"it contains the character '{bad}'";
        if (IsSeparator(value[0]) || IsSeparator(value[^1]))
            return "it starts or ends with a separator";
        return "it has two separators in a row";
    }

    /// <summary>Escapes control characters so a message never carries a raw newline or escape into a log or a terminal.</summary>
    internal static string Shown(string value) =>
        value.Any(char.IsControl)
            ? string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()))
            : value;

    private static bool IsSeparator(char c) => c is '.' or '_' or '-';

    private static bool Succeed(out string error)
    {
        error = string.Empty;
        return true;
    }

    private static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:[._-][a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[a-z0-9_]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ArchPattern();
}
