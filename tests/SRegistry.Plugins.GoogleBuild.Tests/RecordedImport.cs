using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Storage;

namespace SRegistry.Plugins.GoogleBuild.Tests;

/// <summary>One call of ImportImageAsync: what the backend announced and what its stream held.</summary>
public sealed record RecordedImport(Guid BuildId, BlobDigest Digest, long Size, BlobDigest ReceivedDigest, byte[] Bytes, BuildImageImport Outcome);
