namespace SRegistry.Server.Api.Models;

/// <summary><c>PUT /api/v1/quotas/{kind}/{name}</c>: the account's own limit in bytes; null returns it to the configured default.</summary>
public sealed record SetQuotaRequest(long? LimitBytes);
