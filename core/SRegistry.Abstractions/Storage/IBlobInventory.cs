namespace SRegistry.Abstractions.Storage;

/// <summary>
/// An optional second interface of an <see cref="IBlobStore"/> that can list what it holds, so the
/// garbage collector also removes bytes the registry's database does not know about (a put whose
/// process died between publishing and recording). Stores without it are collected from the
/// database's records only.
/// </summary>
public interface IBlobInventory
{
    /// <summary>
    /// Lists every published blob with its size and publication time, streaming (never the whole
    /// listing in memory). Puts and deletes may run meanwhile: a blob published or removed during the
    /// listing may or may not appear, but a blob listed must have been published at some point of it.
    /// Temporary objects of unfinished puts are never listed.
    /// </summary>
    IAsyncEnumerable<BlobInfo> ListAsync(CancellationToken cancellationToken);
}
