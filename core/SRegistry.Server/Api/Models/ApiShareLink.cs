using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>A share link as listed. Its URL is only known when it is created.</summary>
public sealed record ApiShareLink(long Id, long ImageId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, long UseCount)
{
    public static ApiShareLink From(ShareLink l) => new(l.Id, l.ImageId, l.CreatedAt, l.ExpiresAt, l.RevokedAt, l.UseCount);
}
