using SRegistry.Core.Domain;

namespace SRegistry.Core.Robots;

/// <summary>A robot as listed: its account (inactive once revoked) and its tokens, whose secrets are never shown again.</summary>
/// <param name="Robot">The robot's account.</param>
/// <param name="Tokens">Its tokens.</param>
public sealed record RobotAccount(User Robot, IReadOnlyList<ApiToken> Tokens);
