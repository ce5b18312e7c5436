using Microsoft.Extensions.Options;
using SRegistry.Core.Uploads;

namespace SRegistry.Core.Oci;

/// <summary>
/// The bytes of OCI uploads under way, one file each in <c>&lt;uploads&gt;/oci/</c> (a folder the library
/// door's part pruning ignores, as its name is no upload id).
/// </summary>
internal sealed class OciUploadFiles(IOptions<UploadOptions> options)
{
    private string Root => Path.Combine(Path.GetFullPath(options.Value.Directory), "oci");

    public string PathOf(Guid uploadId) => Path.Combine(Root, uploadId.ToString("N"));

    public void Create(Guid uploadId)
    {
        Directory.CreateDirectory(Root);
        using var _ = new FileStream(PathOf(uploadId), FileMode.CreateNew, FileAccess.Write);
    }

    /// <summary>The bytes received so far; null when the file is gone.</summary>
    public long? Length(Guid uploadId)
    {
        var file = new FileInfo(PathOf(uploadId));
        return file.Exists ? file.Length : null;
    }

    public void Delete(Guid uploadId) => File.Delete(PathOf(uploadId));

    /// <summary>The uploads that have a file here.</summary>
    public IReadOnlyList<Guid> List()
    {
        var root = new DirectoryInfo(Root);
        if (!root.Exists) return [];
        return [.. root.EnumerateFiles().Select(f => Guid.TryParseExact(f.Name, "N", out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];
    }
}
