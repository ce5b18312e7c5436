using System.Net;
using System.Security.Cryptography;

namespace SRegistry.Server.Tests.Oci;

/// <summary>Blob uploads (monolithic, chunked, streamed, mounted), downloads with ranges, status, cancel and delete.</summary>
public sealed class OciBlobTests(OciServerFixture oci) : IClassFixture<OciServerFixture>
{
    private static string Repository() => $"alice/{OciServerFixture.UniqueName("blobs")}/app";

    [Fact]
    public async Task MonolithicUpload_ThenGetAndHead_ServeIdenticalBytes()
    {
        var name = Repository();
        var bytes = OciClient.RandomBytes(300_000);

        var posted = (await oci.Alice.PostBlobAsync(name, bytes)).Is(HttpStatusCode.Created);
        var head = (await oci.Alice.HeadAsync($"/v2/{name}/blobs/{OciClient.Digest(bytes)}")).Is(HttpStatusCode.OK);
        var get = (await oci.Alice.GetAsync($"/v2/{name}/blobs/{OciClient.Digest(bytes)}")).Is(HttpStatusCode.OK);

        Assert.Equal($"/v2/{name}/blobs/{OciClient.Digest(bytes)}", posted.Header("Location"));
        Assert.Equal(OciClient.Digest(bytes), posted.Header("Docker-Content-Digest"));
        Assert.Equal(bytes.Length.ToString(), head.Header("Content-Length"));
        Assert.Equal(OciClient.Digest(bytes), head.Header("Docker-Content-Digest"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), Convert.ToHexStringLower(SHA256.HashData(get.Body)));
    }

    [Fact]
    public async Task ChunkedUpload_WithContentRange_AssemblesTheBlobAndReportsProgress()
    {
        var name = Repository();
        var bytes = OciClient.RandomBytes(250_000);
        var location = await oci.Alice.StartUploadAsync(name);

        var first = (await oci.Alice.PatchAsync(location, bytes[..100_000], 0)).Is(HttpStatusCode.Accepted);
        var status = (await oci.Alice.GetAsync(first.Header("Location")!)).Is(HttpStatusCode.NoContent);
        var second = (await oci.Alice.PatchAsync(first.Header("Location")!, bytes[100_000..], 100_000)).Is(HttpStatusCode.Accepted);
        var put = (await oci.Alice.SendAsync(HttpMethod.Put, $"{second.Header("Location")}?digest={OciClient.Digest(bytes)}")).Is(HttpStatusCode.Created);
        var get = (await oci.Alice.GetAsync(put.Header("Location")!)).Is(HttpStatusCode.OK);

        Assert.Equal("0-99999", first.Header("Range"));
        Assert.Equal("0-99999", status.Header("Range"));
        Assert.NotNull(status.Header("Docker-Upload-UUID"));
        Assert.Equal("0-249999", second.Header("Range"));
        Assert.Equal(bytes, get.Body);
    }

    [Fact]
    public async Task StreamedPatchWithoutContentRange_ThenPutWithLastChunk_StoresTheWhole()
    {
        var name = Repository();
        var bytes = OciClient.RandomBytes(120_000);
        var location = await oci.Alice.StartUploadAsync(name);

        var patched = (await oci.Alice.PatchAsync(location, bytes[..70_000], start: null)).Is(HttpStatusCode.Accepted);
        var put = await oci.Alice.SendAsync(HttpMethod.Put, $"{patched.Header("Location")}?digest={OciClient.Digest(bytes)}", new ByteArrayContent(bytes[70_000..]));

        put.Is(HttpStatusCode.Created);
        Assert.Equal(bytes, (await oci.Alice.GetAsync($"/v2/{name}/blobs/{OciClient.Digest(bytes)}")).Is(HttpStatusCode.OK).Body);
    }

    [Fact]
    public async Task Start_AnswersRelativeLocationUuidAndEmptyRange()
    {
        var name = Repository();

        var started = (await oci.Alice.SendAsync(HttpMethod.Post, $"/v2/{name}/blobs/uploads/")).Is(HttpStatusCode.Accepted);

        Assert.StartsWith($"/v2/{name}/blobs/uploads/", started.Header("Location"));
        Assert.EndsWith(started.Header("Docker-Upload-UUID")!, started.Header("Location"));
        Assert.Equal("0-0", started.Header("Range"));
    }

    [Fact]
    public async Task Patch_ChunkOutOfOrder_Is416AndKeepsWhatArrived()
    {
        var name = Repository();
        var location = await oci.Alice.StartUploadAsync(name);
        (await oci.Alice.PatchAsync(location, OciClient.RandomBytes(1000), 0)).Is(HttpStatusCode.Accepted);

        var skipped = await oci.Alice.PatchAsync(location, OciClient.RandomBytes(1000), 5000);
        var repeated = await oci.Alice.PatchAsync(location, OciClient.RandomBytes(1000), 0);
        var status = (await oci.Alice.GetAsync(location)).Is(HttpStatusCode.NoContent);

        skipped.IsError(HttpStatusCode.RequestedRangeNotSatisfiable, "BLOB_UPLOAD_INVALID");
        repeated.Is(HttpStatusCode.RequestedRangeNotSatisfiable);
        Assert.Equal("0-999", status.Header("Range"));
    }

    [Fact]
    public async Task Put_DigestMismatch_IsDigestInvalidAndStoresNothing()
    {
        var name = Repository();
        var bytes = OciClient.RandomBytes(5000);
        var claimed = OciClient.Digest(OciClient.RandomBytes(10));
        var location = await oci.Alice.StartUploadAsync(name);
        (await oci.Alice.PatchAsync(location, bytes, 0)).Is(HttpStatusCode.Accepted);

        var put = await oci.Alice.SendAsync(HttpMethod.Put, $"{location}?digest={claimed}");

        put.IsError(HttpStatusCode.BadRequest, "DIGEST_INVALID");
        (await oci.Alice.HeadAsync($"/v2/{name}/blobs/{OciClient.Digest(bytes)}")).Is(HttpStatusCode.NotFound);
        (await oci.Alice.HeadAsync($"/v2/{name}/blobs/{claimed}")).Is(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MonolithicPost_WrongDigest_IsDigestInvalid()
    {
        var name = Repository();

        var posted = await oci.Alice.PostBlobAsync(name, OciClient.RandomBytes(100), OciClient.Digest([1, 2, 3]));

        posted.IsError(HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    [Fact]
    public async Task Upload_Sha512Digest_IsUnsupported()
    {
        var name = Repository();

        var posted = await oci.Alice.PostBlobAsync(name, [1, 2, 3], "sha512:" + new string('a', 128));

        posted.IsError(HttpStatusCode.BadRequest, "UNSUPPORTED");
    }

    [Fact]
    public async Task Get_WithRange_Answers206WithThoseBytes()
    {
        var name = Repository();
        var bytes = OciClient.RandomBytes(10_000);
        var digest = await oci.Alice.PushBlobAsync(name, bytes);

        var partial = await oci.Alice.GetAsync($"/v2/{name}/blobs/{digest}", r => r.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1000, 1999));
        var outside = await oci.Alice.GetAsync($"/v2/{name}/blobs/{digest}", r => r.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(20_000, 20_100));

        partial.Is(HttpStatusCode.PartialContent);
        Assert.Equal(bytes[1000..2000], partial.Body);
        Assert.Equal("bytes 1000-1999/10000", partial.Header("Content-Range"));
        Assert.Equal("1000", partial.Header("Content-Length"));
        outside.Is(HttpStatusCode.RequestedRangeNotSatisfiable);
    }

    [Fact]
    public async Task Get_UnknownBlob_IsBlobUnknown()
    {
        var name = Repository();
        await oci.Alice.PushBlobAsync(name, [1]);

        var get = await oci.Alice.GetAsync($"/v2/{name}/blobs/{OciClient.Digest(OciClient.RandomBytes(8))}");

        get.IsError(HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }

    [Fact]
    public async Task Get_BlobOfAnotherRepository_IsUnknownEvenWithItsDigest()
    {
        var secret = OciClient.RandomBytes(4000);
        await oci.Alice.PushBlobAsync(Repository(), secret);
        var bobs = $"bob/{OciServerFixture.UniqueName("blobs")}/app";
        await oci.Bob.PushBlobAsync(bobs, [7, 7, 7]);

        var get = await oci.Bob.GetAsync($"/v2/{bobs}/blobs/{OciClient.Digest(secret)}");

        get.IsError(HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }

    [Fact]
    public async Task Cancel_RemovesTheUpload()
    {
        var name = Repository();
        var location = await oci.Alice.StartUploadAsync(name);

        var cancelled = await oci.Alice.SendAsync(HttpMethod.Delete, location);
        var status = await oci.Alice.GetAsync(location);

        cancelled.Is(HttpStatusCode.NoContent);
        status.IsError(HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    [Fact]
    public async Task Mount_FromReadableRepository_LinksWithoutUpload()
    {
        var source = Repository();
        var bytes = OciClient.RandomBytes(2000);
        var digest = await oci.Alice.PushBlobAsync(source, bytes);
        var target = Repository();

        var mounted = await oci.Alice.SendAsync(HttpMethod.Post, $"/v2/{target}/blobs/uploads/?mount={digest}&from={source}");

        mounted.Is(HttpStatusCode.Created);
        Assert.Equal($"/v2/{target}/blobs/{digest}", mounted.Header("Location"));
        Assert.Equal(bytes, (await oci.Alice.GetAsync($"/v2/{target}/blobs/{digest}")).Is(HttpStatusCode.OK).Body);
    }

    [Fact]
    public async Task Mount_FromRepositoryTheCallerCannotRead_FallsBackToAnUpload()
    {
        var hidden = $"alice/{OciServerFixture.UniqueName("hidden")}/app";
        await OciPrivacy.CreatePrivateCollectionAsync(oci, hidden);
        var digest = await oci.Alice.PushBlobAsync(hidden, OciClient.RandomBytes(500));
        var target = $"bob/{OciServerFixture.UniqueName("mount")}/app";

        var mounted = await oci.Bob.SendAsync(HttpMethod.Post, $"/v2/{target}/blobs/uploads/?mount={digest}&from={hidden}");

        mounted.Is(HttpStatusCode.Accepted);
        Assert.StartsWith($"/v2/{target}/blobs/uploads/", mounted.Header("Location"));
        (await oci.Bob.HeadAsync($"/v2/{target}/blobs/{digest}")).Is(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_RemovesTheBlobFromTheRepository()
    {
        var name = Repository();
        var digest = await oci.Alice.PushBlobAsync(name, OciClient.RandomBytes(700));

        var deleted = await oci.Alice.SendAsync(HttpMethod.Delete, $"/v2/{name}/blobs/{digest}");
        var get = await oci.Alice.GetAsync($"/v2/{name}/blobs/{digest}");

        deleted.Is(HttpStatusCode.Accepted);
        get.IsError(HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }
}
