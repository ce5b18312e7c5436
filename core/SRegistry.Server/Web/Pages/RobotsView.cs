using SRegistry.Core.Robots;

namespace SRegistry.Server.Web.Pages;

/// <summary>What the robots partial shows: the robots, and the one just made (with its secret, in this response only).</summary>
public sealed record RobotsView(IReadOnlyList<RobotAccount> Robots, CreatedRobot? Created);
