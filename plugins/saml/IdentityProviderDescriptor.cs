using System.Security.Cryptography.X509Certificates;

namespace SRegistry.Plugins.Saml;

/// <summary>What the identity provider's metadata says: who it is, where sign-in starts, and the keys it signs with.</summary>
/// <param name="EntityId">The issuer its responses and assertions must name.</param>
/// <param name="SingleSignOnUrl">Its single sign-on service for the HTTP-Redirect binding.</param>
/// <param name="SigningCertificates">The only keys a signature is checked with (never one the response carries).</param>
public sealed record IdentityProviderDescriptor(string EntityId, Uri SingleSignOnUrl, IReadOnlyList<X509Certificate2> SigningCertificates);
