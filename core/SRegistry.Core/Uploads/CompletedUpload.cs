using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Uploads;

/// <summary>What the library API's <c>_complete</c> answer reports.</summary>
/// <param name="Image">The uploaded image.</param>
/// <param name="Quota">The storage use and quota of the image's entity after the upload.</param>
public sealed record CompletedUpload(Image Image, QuotaUsage Quota);
