using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>The signed-in user.</summary>
public sealed record ApiUser(long Id, string UserName, string? DisplayName, string? Email, bool Admin, IReadOnlyList<string> TokenScopes)
{
    public static ApiUser From(User u, IReadOnlyList<string> scopes) => new(u.Id, u.UserName, u.DisplayName, u.Email, u.IsAdmin, scopes);
}
