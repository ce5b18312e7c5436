namespace SRegistry.Server.Library;

// The parts of the Go clients' request structs that the library door reads; the rest is ignored.

/// <summary><c>POST v1/entities</c>.</summary>
public sealed record CreateEntityBody(string? Name, string? Description, bool? DefaultPrivate);

/// <summary><c>POST v1/collections</c>; <c>entity</c> is the entity id.</summary>
public sealed record CreateCollectionBody(string? Name, string? Entity, string? Description, bool? Private);

/// <summary><c>POST v1/containers</c>; <c>collection</c> is the collection id.</summary>
public sealed record CreateContainerBody(string? Name, string? Collection, string? Description);

/// <summary><c>POST v1/images</c>; <c>hash</c> is <c>sha256.&lt;hex&gt;</c>, <c>container</c> the container id.</summary>
public sealed record CreateImageBody(string? Hash, string? Container, string? Description, string? Arch);

/// <summary><c>POST v1/tags/{id}</c> (<c>Tag</c>, <c>ImageID</c>) and <c>v2/tags/{id}</c> (also <c>Arch</c>), Go field names.</summary>
public sealed record TagBody(string? Tag, string? ImageID, string? Arch);

/// <summary><c>POST v2/imagefile/{id}</c>: what the client is about to send (sha256sum is bare hex).</summary>
public sealed record UploadRequestBody(long? Filesize, string? Sha256sum);

/// <summary><c>POST v2/imagefile/{id}/_multipart</c>.</summary>
public sealed record MultipartRequestBody(long? Filesize);

/// <summary><c>PUT v2/imagefile/{id}/_multipart</c>: one part about to be sent.</summary>
public sealed record MultipartPartBody(string? UploadID, int? PartNumber, long? PartSize, string? Sha256sum);

/// <summary><c>PUT v2/imagefile/{id}/_multipart_complete</c> and <c>_multipart_abort</c>.</summary>
public sealed record MultipartCompleteBody(string? UploadID, IReadOnlyList<CompletedPartBody>? CompletedParts);

/// <summary>One part listed in <see cref="MultipartCompleteBody"/>.</summary>
public sealed record CompletedPartBody(int PartNumber, string? Token);
