using System.Xml.Linq;

namespace SRegistry.Plugins.Saml;

/// <summary>This registry's SAML service provider metadata, for the identity provider's administrator to import.</summary>
public static class ServiceProviderMetadata
{
    /// <summary>The metadata document: entity id, NameID format and the HTTP-POST assertion consumer service.</summary>
    public static string Xml(SamlOptions options)
    {
        XNamespace md = SamlNamespaces.Metadata;
        var entity = new XElement(md + "EntityDescriptor",
            new XAttribute(XNamespace.Xmlns + "md", md.NamespaceName),
            new XAttribute("entityID", options.EntityId),
            new XElement(md + "SPSSODescriptor",
                new XAttribute("AuthnRequestsSigned", "false"),
                new XAttribute("WantAssertionsSigned", "true"),
                new XAttribute("protocolSupportEnumeration", SamlNamespaces.Protocol),
                new XElement(md + "NameIDFormat", options.NameIdFormat),
                new XElement(md + "AssertionConsumerService",
                    new XAttribute("Binding", SamlNamespaces.PostBinding),
                    new XAttribute("Location", options.AssertionConsumerServiceUrl),
                    new XAttribute("index", "0"),
                    new XAttribute("isDefault", "true"))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), entity).ToString();
    }
}
