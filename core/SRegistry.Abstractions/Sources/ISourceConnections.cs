namespace SRegistry.Abstractions.Sources;

/// <summary>
/// The core's store of source repository connections, for the provider plugins that receive their
/// webhooks. Owners create connections through the REST API and the web interface; builds a
/// connection triggers act with the rights of the user who created it. A singleton, safe to use anywhere.
/// </summary>
public interface ISourceConnections
{
    /// <summary>
    /// Whether a build backend is configured. When false, <see cref="EnqueueBuildAsync"/> throws; answer
    /// webhooks that would build with 503 before recording their delivery, so they can be redelivered.
    /// </summary>
    bool BuildsEnabled { get; }

    /// <summary>The connection with that id and provider key, secret decrypted; null when there is none.</summary>
    Task<SourceConnection?> FindAsync(string provider, Guid connectionId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a webhook delivery id for the provider. Returns false when it was recorded before (by
    /// any server instance) within the last 30 days, so a redelivered webhook is ignored. Call only after
    /// verifying the signature.
    /// </summary>
    Task<bool> TryRecordDeliveryAsync(string provider, string deliveryId, CancellationToken cancellationToken);

    /// <summary>Queues a build into the connection's collection and container; returns its id.</summary>
    Task<Guid> EnqueueBuildAsync(Guid connectionId, SourceBuildRequest request, CancellationToken cancellationToken);

    /// <summary>The builds the connection triggered for that commit, newest first.</summary>
    Task<IReadOnlyList<SourceBuild>> FindBuildsAsync(Guid connectionId, string commit, CancellationToken cancellationToken);

    /// <summary>
    /// Points <paramref name="tag"/> in the build's container at the image a successful build produced,
    /// without building again (publishing a tested image). Returns false when the build is not a
    /// Success of this connection, the name is not a valid tag, or the tag cannot be set (frozen, or
    /// the user it acts for may no longer push); nothing changes then. A promotion is audited.
    /// </summary>
    Task<bool> PromoteAsync(Guid connectionId, Guid buildId, string tag, CancellationToken cancellationToken);
}
