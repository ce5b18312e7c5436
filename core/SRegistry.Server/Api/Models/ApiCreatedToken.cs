namespace SRegistry.Server.Api.Models;

/// <summary>A new token with its secret, which is shown this once and never again.</summary>
public sealed record ApiCreatedToken(ApiTokenInfo Token, string Secret);
