using SRegistry.Core.Domain;

namespace SRegistry.Core.Sharing;

/// <summary>A new share link and its secret, which exists only here and in the URL given to the owner.</summary>
public sealed record CreatedShareLink(ShareLink Link, string Secret)
{
    /// <summary>Keeps the secret out of logs.</summary>
    public override string ToString() => $"CreatedShareLink {{ Link = {Link.Id}, Secret = *** }}";
}
