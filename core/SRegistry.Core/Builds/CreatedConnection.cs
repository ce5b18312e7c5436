using SRegistry.Core.Domain;

namespace SRegistry.Core.Builds;

/// <summary>A new repository connection and its webhook secret, which is shown this once.</summary>
/// <param name="Connection">The stored connection.</param>
/// <param name="Secret">The webhook secret in clear.</param>
/// <param name="HookPath">The webhook path (relative to the server's base URL) to configure on the provider.</param>
public sealed record CreatedConnection(RepositoryConnection Connection, string Secret, string HookPath);
