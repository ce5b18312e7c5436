using SRegistry.Abstractions.Builds;

namespace SRegistry.Abstractions.Sources;

/// <summary>A build a connection triggered, as <see cref="ISourceConnections.FindBuildsAsync"/> lists it.</summary>
/// <param name="Id">The build id.</param>
/// <param name="Tag">The tag it builds.</param>
/// <param name="RecipePath">The recipe's path.</param>
/// <param name="State">Its current state.</param>
public sealed record SourceBuild(Guid Id, string Tag, string RecipePath, BuildState State);
