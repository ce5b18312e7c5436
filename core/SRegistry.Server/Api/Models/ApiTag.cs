using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>A tag: a name for one image of one architecture.</summary>
public sealed record ApiTag(string Name, string Arch, long ImageId, DateTimeOffset UpdatedAt)
{
    public static ApiTag From(Tag t) => new(t.Name, t.Arch, t.ImageId, t.UpdatedAt);
}
