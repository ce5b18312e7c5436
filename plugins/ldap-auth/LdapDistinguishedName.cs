using System.Globalization;
using System.Text;

namespace SRegistry.Plugins.LdapAuth;

/// <summary>Distinguished names (RFC 4514): escaping values into them and reading the first value out.</summary>
internal static class LdapDistinguishedName
{
    /// <summary>
    /// Escapes an attribute value for a DN: <c>" + , ; &lt; &gt; \ =</c> anywhere, <c>#</c> or a space
    /// at the start, a space at the end, and NUL, so a user name cannot add RDNs or point elsewhere.
    /// </summary>
    public static string EscapeValue(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
                escaped.Append(@"\00");
            else if (c is '"' or '+' or ',' or ';' or '<' or '>' or '\\' or '='
                     || (i == 0 && c is '#' or ' ')
                     || (i == value.Length - 1 && c == ' '))
                escaped.Append('\\').Append(c);
            else
                escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>The template with <c>{0}</c> replaced by the escaped value.</summary>
    public static string Format(string template, string value) => template.Replace("{0}", EscapeValue(value), StringComparison.Ordinal);

    /// <summary>The value of the first RDN, unescaped: <c>registry-admins</c> for <c>cn=registry-admins,ou=groups,dc=example,dc=org</c>.</summary>
    public static string FirstValue(string dn)
    {
        var start = dn.IndexOf('=', StringComparison.Ordinal) + 1;
        var value = new StringBuilder();
        for (var i = start; i < dn.Length; i++)
        {
            var c = dn[i];
            if (c is ',' or '+')
                break;
            if (c != '\\' || i + 1 >= dn.Length)
            {
                value.Append(c);
                continue;
            }

            if (i + 2 < dn.Length && byte.TryParse(dn.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                value.Append((char)b);
                i += 2;
            }
            else
            {
                value.Append(dn[++i]);
            }
        }

        return value.ToString().Trim();
    }
}
