using Microsoft.Extensions.Options;

namespace SRegistry.Plugins.Saml;

/// <summary>Refuses, at start, settings that could not work or would weaken security, naming the key to fix.</summary>
public sealed class SamlOptionsValidator : IValidateOptions<SamlOptions>
{
    private const string Section = "Plugins:saml";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SamlOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.EntityId))
            errors.Add($"Set {Section}:EntityId to this registry's SAML entity id (service provider), for example https://registry.example.org/saml.");
        if (string.IsNullOrWhiteSpace(options.DisplayName))
            errors.Add($"{Section}:DisplayName is empty; set the name the sign-in button shows, such as \"Example University\".");
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http") || baseUrl.Query.Length > 0)
            errors.Add($"{Section}:PublicBaseUrl '{options.PublicBaseUrl}' is not the registry's URL as browsers reach it, such as https://registry.example.org.");

        var file = options.IdentityProviderMetadataFile;
        var url = options.IdentityProviderMetadataUrl;
        if (file.Length > 0 == url.Length > 0)
            errors.Add($"Set exactly one of {Section}:IdentityProviderMetadataFile (a file with the identity provider's SAML metadata) or {Section}:IdentityProviderMetadataUrl (its https URL).");
        else if (file.Length > 0)
            CheckFile(errors, file);
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme != "https")
            errors.Add($"{Section}:IdentityProviderMetadataUrl '{url}' is not an https URL; metadata carries the keys every sign-in is trusted by, so it must not cross the network unprotected.");

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
            errors.Add($"{Section}:ClockSkew must be between 00:00:00 and 00:10:00 (a small allowance for clock differences).");
        if (options.RequestLifetime < TimeSpan.FromMinutes(1) || options.RequestLifetime > TimeSpan.FromHours(1))
            errors.Add($"{Section}:RequestLifetime must be between 00:01:00 and 01:00:00.");
        if (string.IsNullOrWhiteSpace(options.NameIdFormat))
            errors.Add($"{Section}:NameIdFormat is empty; use urn:oasis:names:tc:SAML:2.0:nameid-format:persistent.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckFile(List<string> errors, string file)
    {
        if (!File.Exists(file))
        {
            errors.Add($"{Section}:IdentityProviderMetadataFile '{file}' does not exist; save the identity provider's SAML metadata there.");
            return;
        }

        try
        {
            IdentityProviderMetadataParser.Parse(File.ReadAllText(file));
        }
        catch (SamlRefusedException e)
        {
            errors.Add($"{Section}:IdentityProviderMetadataFile '{file}' is not usable: {e.Detail}");
        }
    }
}
