namespace SRegistry.Server.Api.Models;

/// <summary>A new connection with its webhook secret (shown this once) and the absolute webhook URL to configure on the provider.</summary>
public sealed record ApiCreatedConnection(ApiConnection Connection, string Secret, string WebhookUrl);
