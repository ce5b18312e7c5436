using SRegistry.Core.Robots;

namespace SRegistry.Server.Api.Models;

/// <summary>A robot account: its user name (what clients log in with), whether it still works, and its token (never the secret).</summary>
public sealed record ApiRobot(string Name, bool Active, DateTimeOffset CreatedAt, IReadOnlyList<ApiTokenInfo> Tokens)
{
    public static ApiRobot From(RobotAccount r) => new(r.Robot.UserName, r.Robot.IsActive, r.Robot.CreatedAt, [.. r.Tokens.Select(ApiTokenInfo.From)]);
}
