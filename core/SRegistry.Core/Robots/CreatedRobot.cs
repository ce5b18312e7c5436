using SRegistry.Core.Accounts;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Robots;

/// <summary>A robot account just made, with its token's secret, which is shown this once.</summary>
/// <param name="Robot">The robot's account.</param>
/// <param name="Token">Its token and the secret to hand to the CI system.</param>
public sealed record CreatedRobot(User Robot, CreatedApiToken Token)
{
    /// <summary>Keeps the secret out of logs that print the record.</summary>
    public override string ToString() => $"CreatedRobot {{ Robot = {Robot.UserName}, Token = *** }}";
}
