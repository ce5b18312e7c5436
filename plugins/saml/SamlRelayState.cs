using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace SRegistry.Plugins.Saml;

/// <summary>
/// The challenge's properties (return URL, pending request id) carried through the identity provider
/// in RelayState, protected and time-limited so they can be neither forged nor kept.
/// </summary>
public sealed class SamlRelayState(IDataProtectionProvider protection)
{
    /// <summary>The properties item holding the AuthnRequest id the response must answer.</summary>
    public const string RequestIdKey = "saml.request";

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("SRegistry.Plugins.Saml.RelayState").ToTimeLimitedDataProtector();

    /// <summary>Protects <paramref name="properties"/> for <paramref name="lifetime"/>.</summary>
    public string Write(AuthenticationProperties properties, TimeSpan lifetime) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(PropertiesSerializer.Default.Serialize(properties), lifetime));

    /// <summary>The properties, or null when the value was altered, expired or is missing.</summary>
    public AuthenticationProperties? Read(string relayState)
    {
        if (relayState.Length == 0)
            return null;
        try
        {
            return PropertiesSerializer.Default.Deserialize(_protector.Unprotect(WebEncoders.Base64UrlDecode(relayState), out _));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
