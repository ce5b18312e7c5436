using SRegistry.Core.Quotas;

namespace SRegistry.Server.Api.Models;

/// <summary>A user's or team's storage quota.</summary>
/// <param name="Kind"><c>user</c> or <c>team</c>.</param>
/// <param name="Name">The user's or team's name.</param>
/// <param name="UsedBytes">Bytes of the content in its collections, each distinct content counted once.</param>
/// <param name="LimitBytes">The most it may store; null = no limit.</param>
/// <param name="OwnLimit">Whether an administrator set this account's limit (otherwise the configured default applies).</param>
public sealed record ApiQuota(string Kind, string Name, long UsedBytes, long? LimitBytes, bool OwnLimit)
{
    public static ApiQuota From(AccountQuota q) => new(q.Kind.ToString().ToLowerInvariant(), q.Name, q.UsedBytes, q.LimitBytes, q.OwnLimit);
}
