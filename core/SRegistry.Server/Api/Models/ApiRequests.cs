namespace SRegistry.Server.Api.Models;

// Request bodies of the REST API. Optional members may be left out; null in an update keeps the value.

/// <summary><c>POST /api/v1/entities</c>.</summary>
public sealed record CreateEntityRequest(string Name, string? Description, bool? DefaultPrivate);

/// <summary><c>POST /api/v1/collections</c>; <c>private</c> left out takes the entity's default.</summary>
public sealed record CreateCollectionRequest(string Entity, string Name, string? Description, bool? Private);

/// <summary><c>PATCH /api/v1/collections/{entity}/{collection}</c>; an empty description clears it.</summary>
public sealed record UpdateCollectionRequest(string? Description, bool? Private);

/// <summary><c>PUT …/members/{kind}/{name}</c>: <c>owner</c> or <c>contributor</c>.</summary>
public sealed record SetMemberRequest(string Role);

/// <summary><c>POST /api/v1/collections/{entity}/{collection}/containers</c>.</summary>
public sealed record CreateContainerRequest(string Name, string? Description);

/// <summary><c>PATCH /api/v1/containers/{entity}/{collection}/{container}</c>; an empty description clears it.</summary>
public sealed record UpdateContainerRequest(string? Description, string? FullDescription, bool? Frozen);

/// <summary><c>PUT …/tags/{tag}</c>: the image to name, and its architecture (left out: the image's).</summary>
public sealed record SetTagRequest(long ImageId, string? Arch);

/// <summary><c>PUT /api/v1/images/{id}/labels/{key}</c>.</summary>
public sealed record SetLabelRequest(string Value);

/// <summary><c>POST /api/v1/tokens</c>; no scopes means everything the user may, no expiry means never.</summary>
public sealed record CreateTokenRequest(string Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);

/// <summary><c>POST /api/v1/images/{id}/share-links</c>: how long the link works, in seconds (60 to the configured maximum).</summary>
public sealed record CreateShareLinkRequest(long LifetimeSeconds);

/// <summary><c>POST /api/v1/teams</c>.</summary>
public sealed record CreateTeamRequest(string Name, string? Description);

/// <summary><c>PUT /api/v1/teams/{team}/members/{user}</c>: <c>owner</c> or <c>member</c>.</summary>
public sealed record SetTeamMemberRequest(string Role);

/// <summary>
/// <c>POST …/connections</c>: a provider key (<c>github</c>) and the repository's full name; the container
/// defaults to the repository's name, branches to its default branch, recipe patterns to
/// <c>Singularity</c>, <c>Singularity.*</c>, <c>*.def</c>.
/// </summary>
public sealed record CreateConnectionRequest(string Provider, string Repository, string? Container, IReadOnlyList<string>? Branches, IReadOnlyList<string>? RecipePatterns);

/// <summary><c>POST …/robots</c>: the robot's short name, its token's scopes (some of pull, push, delete), and when it expires (left out: never).</summary>
public sealed record CreateRobotRequest(string Name, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt);
