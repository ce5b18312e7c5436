using System.ComponentModel.DataAnnotations;

namespace SRegistry.Plugins.Saml;

/// <summary>Settings of the saml plugin, bound from <c>Plugins:saml</c> and validated at start.</summary>
public sealed class SamlOptions
{
    /// <summary>Where the identity provider publishes its SAML metadata.</summary>
    [Required(ErrorMessage = "Set Plugins:saml:IdentityProviderMetadataUrl to the URL of the identity provider's SAML metadata.")]
    public string IdentityProviderMetadataUrl { get; set; } = "";

    /// <summary>This registry's entity id as a SAML service provider.</summary>
    [Required(ErrorMessage = "Set Plugins:saml:EntityId to this registry's SAML entity id (service provider), for example https://registry.example.org/saml.")]
    public string EntityId { get; set; } = "";
}
