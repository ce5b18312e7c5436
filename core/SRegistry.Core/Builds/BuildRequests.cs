using SRegistry.Abstractions.Builds;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Builds;

/// <summary>Translations between a stored <see cref="Build"/> and the contract's records.</summary>
public static class BuildRequests
{
    /// <summary>The request a stored build was made from.</summary>
    public static BuildRequest From(Build build) =>
        new(build.Entity, build.Collection, build.Container, build.Tag, new Uri(build.SourceRepository), build.Commit, build.RecipePath, build.RequestedBy);

    /// <summary>The web page of a build, relative to the server's base URL.</summary>
    public static string PagePath(Guid buildId) => $"/builds/{buildId:D}";

    /// <summary>Whether the state is final: nothing changes a build after it.</summary>
    public static bool IsFinal(BuildState state) => state is BuildState.Success or BuildState.Failure or BuildState.Cancelled;
}
