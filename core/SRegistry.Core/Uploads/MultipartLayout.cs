using SRegistry.Core.Domain;

namespace SRegistry.Core.Uploads;

/// <summary>How a multipart upload splits the image: equal parts, the last one holding the rest.</summary>
internal static class MultipartLayout
{
    // S3's limit, which the client's part loop was written against; it also bounds the rows per upload.
    private const int MaxParts = 10_000;

    /// <summary>The part size for a file: the configured size, or larger when the file would need too many parts.</summary>
    public static long PartSizeFor(long fileSize, long minimumPartSize) =>
        Math.Max(minimumPartSize, CeilingDivide(fileSize, MaxParts));

    public static int TotalParts(UploadSession upload) =>
        (int)CeilingDivide(upload.ExpectedSize, upload.PartSize!.Value);

    public static long SizeOfPart(UploadSession upload, int partNumber) =>
        partNumber < TotalParts(upload)
            ? upload.PartSize!.Value
            : upload.ExpectedSize - (upload.PartSize!.Value * (TotalParts(upload) - 1));

    private static long CeilingDivide(long dividend, long divisor) => (dividend + divisor - 1) / divisor;
}
