namespace SRegistry.Server.Api.Models;

/// <summary>A new robot with its token's secret, which is shown this once and never again.</summary>
public sealed record ApiCreatedRobot(ApiRobot Robot, string Secret);
