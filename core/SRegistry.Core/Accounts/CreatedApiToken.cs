using SRegistry.Core.Domain;

namespace SRegistry.Core.Accounts;

/// <summary>A token just created, with its secret. The secret is not stored and cannot be shown again.</summary>
/// <param name="Token">The stored token (holding only a hash of the secret).</param>
/// <param name="Secret">The plaintext secret to hand to the user once.</param>
public sealed record CreatedApiToken(ApiToken Token, string Secret)
{
    /// <summary>Keeps the secret out of logs that print the record.</summary>
    public override string ToString() => $"CreatedApiToken {{ Token = {Token.Name}, Secret = *** }}";
}
