namespace SRegistry.Abstractions.Authentication;

/// <summary>A person as an external identity provider describes them.</summary>
/// <param name="Provider">The provider's stable name (an authenticator's <c>Name</c> or a scheme name).</param>
/// <param name="Subject">The provider's stable, unique id for the person (not their display name).</param>
/// <param name="UserName">The preferred registry user name; the core normalises it to a valid name.</param>
/// <param name="Email">The e-mail address, if known.</param>
/// <param name="DisplayName">The full name, if known.</param>
/// <param name="Groups">Group names, mapped by the core to roles and teams by configuration.</param>
public sealed record ExternalIdentity(
    string Provider,
    string Subject,
    string UserName,
    string? Email,
    string? DisplayName,
    IReadOnlyList<string> Groups);
