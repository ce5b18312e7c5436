using System.Net;

namespace SRegistry.Server.Tests.Oci;

/// <summary>Abandoned uploads expire and their bytes are removed (uploads live for a millisecond here).</summary>
public sealed class OciUploadExpiryTests(ShortUploadLifetimeFixture oci) : IClassFixture<ShortUploadLifetimeFixture>
{
    [Fact]
    public async Task ExpiredUpload_IsUnknown_AndItsFileIsPrunedWhenAnotherUploadStarts()
    {
        var name = $"alice/{OciServerFixture.UniqueName("expiry")}/app";
        var location = await oci.Alice.StartUploadAsync(name);
        var id = location[(location.LastIndexOf('/') + 1)..];
        var file = Path.Combine(oci.DataDirectory, "uploads", "oci", id);
        var existedAfterStart = File.Exists(file);

        // Expiry is checked against the clock, so the upload must be at least a millisecond old.
        await Task.Delay(10);
        var patch = await oci.Alice.PatchAsync(location, [1, 2, 3], 0);
        await oci.Alice.StartUploadAsync(name);

        Assert.True(existedAfterStart, $"the upload's bytes live in {file}");
        patch.IsError(HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
        Assert.False(File.Exists(file), "starting an upload prunes expired ones with their files");
    }
}
