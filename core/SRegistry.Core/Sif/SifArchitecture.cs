namespace SRegistry.Core.Sif;

/// <summary>SIF architecture codes (three bytes, two ASCII digits and a NUL) and their Go names.</summary>
internal static class SifArchitecture
{
    private static readonly string?[] GoNames =
    [
        null, "386", "amd64", "arm", "arm64", "ppc64", "ppc64le", "mips", "mipsle", "mips64", "mips64le", "s390x", "riscv64",
    ];

    /// <summary>The Go name for <paramref name="code"/>, or null for <c>00</c> (unknown) and codes this reader does not know.</summary>
    public static string? ToGoName(ReadOnlySpan<byte> code)
    {
        if (code.Length < 2 || !char.IsAsciiDigit((char)code[0]) || !char.IsAsciiDigit((char)code[1])) return null;
        var number = (code[0] - '0') * 10 + (code[1] - '0');
        return number < GoNames.Length ? GoNames[number] : null;
    }
}
