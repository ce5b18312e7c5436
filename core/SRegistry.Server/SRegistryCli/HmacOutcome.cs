using SRegistry.Core.Catalog;

namespace SRegistry.Server.SRegistryCli;

/// <summary>What checking a request's sregistry-cli signature found: a caller, or why it was refused.</summary>
/// <param name="Caller">The signer (anonymous when the request carried no signature).</param>
/// <param name="Refusal">Null when accepted; otherwise the message for the 403.</param>
public sealed record HmacOutcome(Caller Caller, string? Refusal)
{
    /// <summary>Whether the request may go on as <see cref="Caller"/>.</summary>
    public bool Accepted => Refusal is null;
}
