namespace SRegistry.Core.Robots;

/// <summary>
/// A robot's user name: <c>robot+&lt;entity&gt;+&lt;collection&gt;+&lt;name&gt;</c> for a collection's robot,
/// <c>robot+&lt;team&gt;+&lt;name&gt;</c> for a team's. <c>+</c> is not allowed in people's names, so a robot
/// name can never be taken by (or mistaken for) a person, and the name says what the robot may reach.
/// </summary>
public static class RobotNames
{
    /// <summary>What every robot name starts with.</summary>
    public const string Prefix = "robot+";

    /// <summary>The name of the robot <paramref name="name"/> of a collection.</summary>
    public static string ForCollection(string entity, string collection, string name) => $"{Prefix}{entity}+{collection}+{name}";

    /// <summary>The name of the robot <paramref name="name"/> of a team.</summary>
    public static string ForTeam(string team, string name) => $"{Prefix}{team}+{name}";
}
