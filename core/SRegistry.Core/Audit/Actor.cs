using SRegistry.Core.Domain;

namespace SRegistry.Core.Audit;

/// <summary>Who performs a mutation, as recorded in the audit log.</summary>
/// <param name="UserId">The acting user's id, or null for the system itself or an anonymous capability.</param>
/// <param name="Name">The actor's name at the time, kept in the log even if the user is renamed or deleted.</param>
public sealed record Actor(long? UserId, string Name)
{
    /// <summary>The registry itself: the admin command line, start-up tasks, background jobs.</summary>
    public static Actor System { get; } = new(null, "system");

    /// <summary>The given user.</summary>
    public static Actor ForUser(User user) => new(user.Id, user.UserName);
}
