using System.Net;

namespace SRegistry.Server.Tests.Oci;

/// <summary>Abandoned uploads expire and take no more bytes (uploads live for a millisecond here).</summary>
public sealed class OciUploadExpiryTests(ShortUploadLifetimeFixture oci) : IClassFixture<ShortUploadLifetimeFixture>
{
    [Fact]
    public async Task ExpiredUpload_IsUnknown_AndTakesNoBytes()
    {
        var name = $"alice/{OciServerFixture.UniqueName("expiry")}/app";
        var location = await oci.Alice.StartUploadAsync(name);
        var id = location[(location.LastIndexOf('/') + 1)..];

        // Expiry is checked against the clock, so the upload must be at least a millisecond old.
        await Task.Delay(10);
        var patch = await oci.Alice.PatchAsync(location, [1, 2, 3], 0);
        var status = await oci.Alice.GetAsync(location);

        patch.IsError(HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
        status.IsError(HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
        Assert.False(Directory.Exists(Path.Combine(oci.DataDirectory, "uploads", id)), "an expired upload stages nothing");
    }
}
