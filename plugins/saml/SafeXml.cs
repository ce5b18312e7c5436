using System.Xml;

namespace SRegistry.Plugins.Saml;

/// <summary>Parses XML from outside with no DTDs and no resolver (no entity expansion, no fetches).</summary>
public static class SafeXml
{
    private const int MaxCharacters = 1_000_000;

    /// <summary>Loads <paramref name="xml"/> keeping whitespace (signatures cover it), or refuses it.</summary>
    public static XmlDocument Load(string xml, string what)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
        };
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document.Load(reader);
        }
        catch (XmlException e)
        {
            throw new SamlRefusedException($"The {what} is not well-formed XML.", $"{what}: {e.Message}");
        }

        return document;
    }
}
