using System.DirectoryServices.Protocols;

namespace SRegistry.Plugins.LdapAuth;

/// <summary>Searches and reads attribute values the way the authenticator needs them.</summary>
internal static class LdapEntries
{
    /// <summary>The single entry the filter finds; null when there is none, or more than one (ambiguous, so nobody).</summary>
    public static SearchResultEntry? FindOne(LdapConnection connection, string baseDn, SearchScope scope, string filter, string[] attributes)
    {
        try
        {
            var response = (SearchResponse)connection.SendRequest(new SearchRequest(baseDn, filter, scope, attributes) { SizeLimit = 2 });
            return response.Entries.Count == 1 ? response.Entries[0] : null;
        }
        catch (DirectoryOperationException e) when (e.Response?.ResultCode == ResultCode.SizeLimitExceeded)
        {
            return null;
        }
    }

    /// <summary>Every entry the filter finds.</summary>
    public static IEnumerable<SearchResultEntry> FindAll(LdapConnection connection, string baseDn, string filter, string[] attributes) =>
        ((SearchResponse)connection.SendRequest(new SearchRequest(baseDn, filter, SearchScope.Subtree, attributes))).Entries.Cast<SearchResultEntry>();

    /// <summary>The attribute's values as text; empty when the entry lacks it.</summary>
    public static string[] Strings(SearchResultEntry entry, string attribute) =>
        attribute.Length > 0 && entry.Attributes[attribute] is { Count: > 0 } values
            ? (string[])values.GetValues(typeof(string))
            : [];

    /// <summary>The first value as text, or null.</summary>
    public static string? First(SearchResultEntry entry, string attribute) => Strings(entry, attribute).FirstOrDefault();

    /// <summary>The first value as bytes, or null.</summary>
    public static byte[]? FirstBytes(SearchResultEntry entry, string attribute) =>
        entry.Attributes[attribute] is { Count: > 0 } values ? ((byte[][])values.GetValues(typeof(byte[])))[0] : null;
}
