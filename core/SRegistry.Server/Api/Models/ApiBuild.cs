using SRegistry.Core.Builds;
using SRegistry.Core.Domain;

namespace SRegistry.Server.Api.Models;

/// <summary>
/// A build: what it builds, where the image goes, its state (<c>queued</c>, <c>working</c>, <c>success</c>,
/// <c>failure</c>, <c>cancelled</c>) and timings; <c>imageDigest</c> is the built image's <c>sha256:hex</c>.
/// </summary>
public sealed record ApiBuild(
    Guid Id, string State, string Entity, string Collection, string Container, string Tag, string SourceRepository, string Commit,
    string RecipePath, string RequestedBy, string? Message, string? LogsUrl, DateTimeOffset QueuedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt, long? ImageId, string? ImageDigest, string PagePath)
{
    public static ApiBuild From(Build b) => new(
        b.Id, b.State.ToString().ToLowerInvariant(), b.Entity, b.Collection, b.Container, b.Tag, b.SourceRepository, b.Commit,
        b.RecipePath, b.RequestedBy, b.Message, b.LogsUrl, b.QueuedAt, b.StartedAt, b.FinishedAt, b.ImageId,
        b.ImageDigest is null ? null : "sha256:" + b.ImageDigest, BuildRequests.PagePath(b.Id));
}
