namespace SRegistry.Plugins.Saml;

/// <summary>What a checked assertion says about the person.</summary>
/// <param name="Id">The assertion's id (remembered so it is accepted only once).</param>
/// <param name="InResponseTo">The request it answers.</param>
/// <param name="NameId">The subject's NameID.</param>
/// <param name="ExpiresAt">Its latest NotOnOrAfter: after this it would be refused anyway.</param>
/// <param name="Attributes">Attribute values by Name and by FriendlyName.</param>
public sealed record SamlAssertion(
    string Id,
    string InResponseTo,
    string NameId,
    DateTimeOffset ExpiresAt,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes);
