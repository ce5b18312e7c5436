namespace SRegistry.Server.Api.Models;

/// <summary>A new share link and the URL that downloads the image without signing in until it expires or is revoked.</summary>
public sealed record ApiCreatedShareLink(ApiShareLink Link, string Url);
