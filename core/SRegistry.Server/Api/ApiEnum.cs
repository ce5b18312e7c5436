namespace SRegistry.Server.Api;

/// <summary>Reads enum values the API takes by name (<c>owner</c>, <c>contributor</c>), never by number.</summary>
public static class ApiEnum
{
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return !string.IsNullOrEmpty(text) && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out value);
    }
}
