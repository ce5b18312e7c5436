using System.Globalization;
using System.Xml;

namespace SRegistry.Plugins.Saml;

/// <summary>
/// Checks what a signed response says: issuer, status, destination, subject confirmation (bearer,
/// recipient, time, request), audience and validity window; then reads the subject and attributes.
/// Only the trusted assertion (see <see cref="SamlSignatureCheck"/>) is read for the person.
/// </summary>
public static class SamlResponseReader
{
    private const string Refused = "The identity provider's response was refused: ";

    /// <summary>Returns the assertion's content, or throws <see cref="SamlRefusedException"/> saying what is wrong.</summary>
    public static SamlAssertion Read(XmlDocument document, IdentityProviderDescriptor idp, SamlOptions options, DateTimeOffset now)
    {
        var response = document.DocumentElement!;
        var assertion = SamlSignatureCheck.TrustedAssertion(document, idp, options.AllowSha1);
        var acs = options.AssertionConsumerServiceUrl;

        var status = Child(Child(response, SamlNamespaces.Protocol, "Status"), SamlNamespaces.Protocol, "StatusCode")?.GetAttribute("Value");
        if (status != SamlNamespaces.StatusSuccess)
            throw Refuse("the identity provider did not sign you in (status " + (status ?? "missing") + ").", $"status {status}");
        if (response.GetAttribute("Destination") != acs)
            throw Refuse("it was sent to another address (wrong Destination).", $"Destination '{response.GetAttribute("Destination")}', expected '{acs}'");
        RequireIssuer(response, idp, required: false);
        RequireIssuer(assertion, idp, required: true);

        var inResponseTo = response.GetAttribute("InResponseTo");
        if (inResponseTo.Length == 0)
            throw Refuse("it does not answer a sign-in this registry started (no InResponseTo).", "missing InResponseTo");

        var subject = Child(assertion, SamlNamespaces.Assertion, "Subject")
            ?? throw Refuse("its assertion has no subject.", "no Subject");
        var nameId = Child(subject, SamlNamespaces.Assertion, "NameID")?.InnerText.Trim();
        if (string.IsNullOrEmpty(nameId))
            throw Refuse("its assertion does not name the person (no NameID).", "no NameID");
        // With only the assertion signed, the response's InResponseTo is anyone's to edit: the signed one must be there.
        var responseSigned = response.ChildNodes.OfType<XmlElement>().Any(e => e is { LocalName: "Signature", NamespaceURI: SamlNamespaces.XmlDsig });
        var confirmationExpiry = RequireBearerConfirmation(subject, acs, inResponseTo, !responseSigned, now, options.ClockSkew);

        var conditions = Child(assertion, SamlNamespaces.Assertion, "Conditions")
            ?? throw Refuse("its assertion has no conditions (validity period and audience).", "no Conditions");
        var notBefore = Time(conditions, "NotBefore");
        var notOnOrAfter = Time(conditions, "NotOnOrAfter");
        if (notBefore is { } start && now + options.ClockSkew < start)
            throw Refuse("it is not valid yet (check the clocks of both servers).", $"NotBefore {start:O}, now {now:O}");
        if (notOnOrAfter is { } end && now - options.ClockSkew >= end)
            throw Refuse("it has expired; sign in again.", $"Conditions NotOnOrAfter {end:O}, now {now:O}");
        RequireAudience(conditions, options.EntityId);

        var id = assertion.GetAttribute("ID");
        var expiresAt = notOnOrAfter is { } conditionEnd && conditionEnd < confirmationExpiry ? conditionEnd : confirmationExpiry;
        return new SamlAssertion(id, inResponseTo, nameId, expiresAt + options.ClockSkew, Attributes(assertion));
    }

    private static DateTimeOffset RequireBearerConfirmation(
        XmlElement subject, string acs, string inResponseTo, bool requireSignedInResponseTo, DateTimeOffset now, TimeSpan skew)
    {
        var problems = new List<string>();
        foreach (var confirmation in Children(subject, SamlNamespaces.Assertion, "SubjectConfirmation"))
        {
            var data = Child(confirmation, SamlNamespaces.Assertion, "SubjectConfirmationData");
            var expiry = data is null ? null : Time(data, "NotOnOrAfter");
            if (confirmation.GetAttribute("Method") != SamlNamespaces.BearerConfirmation || data is null)
                problems.Add("not a bearer confirmation with data");
            else if (data.GetAttribute("Recipient") != acs)
                problems.Add($"Recipient '{data.GetAttribute("Recipient")}'");
            else if (expiry is null || now - skew >= expiry)
                problems.Add($"NotOnOrAfter {expiry:O}, now {now:O}");
            else if (data.GetAttribute("InResponseTo") is var answered && (answered.Length > 0 || requireSignedInResponseTo) && answered != inResponseTo)
                problems.Add($"InResponseTo '{answered}' differs from the response's '{inResponseTo}'");
            else
                return expiry.Value;
        }

        var detail = "no usable bearer SubjectConfirmation: " + string.Join("; ", problems);
        if (problems.Any(p => p.StartsWith("Recipient", StringComparison.Ordinal)))
            throw Refuse("it was issued for another address (wrong Recipient).", detail);
        if (problems.Any(p => p.StartsWith("NotOnOrAfter", StringComparison.Ordinal)))
            throw Refuse("it has expired; sign in again.", detail);
        throw Refuse("its assertion has no valid bearer subject confirmation.", detail);
    }

    private static void RequireAudience(XmlElement conditions, string entityId)
    {
        var restrictions = Children(conditions, SamlNamespaces.Assertion, "AudienceRestriction").ToList();
        var audiences = restrictions.Select(r => Children(r, SamlNamespaces.Assertion, "Audience").Select(a => a.InnerText.Trim()).ToList()).ToList();
        // Every restriction must admit us (they are ANDed); none at all would let an assertion meant for anyone in.
        if (restrictions.Count == 0 || audiences.Any(a => !a.Contains(entityId, StringComparer.Ordinal)))
            throw Refuse("it was issued for another service (wrong Audience).",
                $"audiences [{string.Join("; ", audiences.Select(a => string.Join(", ", a)))}], expected '{entityId}'");
    }

    private static void RequireIssuer(XmlElement element, IdentityProviderDescriptor idp, bool required)
    {
        var issuer = Child(element, SamlNamespaces.Assertion, "Issuer")?.InnerText.Trim();
        if ((issuer is null && required) || (issuer is not null && issuer != idp.EntityId))
            throw Refuse("it comes from another identity provider (wrong Issuer).", $"{element.LocalName} Issuer '{issuer}', expected '{idp.EntityId}'");
    }

    private static Dictionary<string, IReadOnlyList<string>> Attributes(XmlElement assertion)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var statement in Children(assertion, SamlNamespaces.Assertion, "AttributeStatement"))
        {
            foreach (var attribute in Children(statement, SamlNamespaces.Assertion, "Attribute"))
            {
                var attributeValues = Children(attribute, SamlNamespaces.Assertion, "AttributeValue").Select(v => v.InnerText.Trim()).Where(v => v.Length > 0).ToList();
                foreach (var name in new[] { attribute.GetAttribute("Name"), attribute.GetAttribute("FriendlyName") }.Where(n => n.Length > 0).Distinct())
                {
                    if (!values.TryGetValue(name, out var list))
                        values[name] = list = [];
                    list.AddRange(attributeValues);
                }
            }
        }

        return values.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    private static DateTimeOffset? Time(XmlElement element, string attribute)
    {
        var text = element.GetAttribute(attribute);
        if (text.Length == 0)
            return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw Refuse($"its {attribute} time is not a valid date.", $"{element.LocalName} {attribute} '{text}'");
    }

    private static XmlElement? Child(XmlElement? parent, string ns, string name) => parent is null ? null : Children(parent, ns, name).FirstOrDefault();

    private static IEnumerable<XmlElement> Children(XmlElement parent, string ns, string name) =>
        parent.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == name && e.NamespaceURI == ns);

    private static SamlRefusedException Refuse(string reason, string detail) => new(Refused + reason, detail);
}
