using System.Text;

namespace SRegistry.Plugins.LdapAuth;

/// <summary>Builds LDAP search filters from configured templates and untrusted values.</summary>
internal static class LdapFilter
{
    /// <summary>
    /// Escapes a value for use inside a filter (RFC 4515): <c>*</c>, <c>(</c>, <c>)</c>, <c>\</c> and
    /// NUL become <c>\2a</c>, <c>\28</c>, <c>\29</c>, <c>\5c</c> and <c>\00</c>, so a user name can
    /// neither widen the search (<c>*</c>) nor add clauses (<c>)(uid=*</c>).
    /// </summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '*' => @"\2a",
                '(' => @"\28",
                ')' => @"\29",
                '\\' => @"\5c",
                '\0' => @"\00",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Escapes every byte (for binary attributes such as Active Directory's <c>objectGUID</c>).</summary>
    public static string EscapeBytes(byte[] value) => string.Concat(value.Select(b => $"\\{b:x2}"));

    /// <summary>The template with <c>{0}</c> replaced by the escaped value.</summary>
    public static string Format(string template, string value) => template.Replace("{0}", Escape(value), StringComparison.Ordinal);
}
