using System.Net;
using System.Net.Sockets;
using System.Text;
using SRegistry.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SRegistry.Server.Tests.Library;

/// <summary>
/// What the library door does with requests a well-behaved client never sends: wrong, broken, reused or
/// expired uploads, someone else's namespace, frozen containers, bad names, unknown ids, malformed JSON,
/// bad or missing tokens, private images. Each answer must be the exact 4xx in the error envelope
/// <c>{"error":{"code","message"}}</c> with a message that says what is wrong, and must leave nothing
/// stored or changed, which each test proves by reading back through the API and the admin command.
/// </summary>
public sealed class LibraryBadInputTests(LibraryServerFixture library, ITestOutputHelper output) : IClassFixture<LibraryServerFixture>
{
    private const string UnusableUrl = "upload URL";

    private LibraryApi Alice => new(library.Server.Client, library.AliceToken);

    private LibraryApi Bob => Alice.As(library.BobToken);

    private LibraryApi Anonymous => Alice.As(null);

    /// <summary>The fixture server's data directory, for <c>sregistry admin</c>.</summary>
    private string DataDirectory => Path.GetDirectoryName(library.Files)!;

    // 1
    [Fact]
    public async Task Upload_OfOtherBytesThanTheImageHash_Is422AndStoresNothing()
    {
        var place = await NewContainerAsync("wronghash");
        var a = await SifFiles.CreateAsync(library.Files);
        var b = await SameSizeOtherBytesAsync(a);
        var imageId = await Alice.CreateImageAsync(place.ContainerId, Hash(a));
        var url = await Alice.BeginUploadAsync(imageId, a);

        var put = await Alice.PutBytesAsync(url, await File.ReadAllBytesAsync(b));

        put.Error(HttpStatusCode.UnprocessableEntity, Hex(b), Hex(a));
        await AssertNotUploadedAsync(Alice, place, a);
        await AssertNotStoredAsync(DataDirectory, Hash(b));
        await AssertNotStoredAsync(DataDirectory, Hash(a));

        // The door claims the URL before it reads the body, so a refused upload has used it up:
        // not even the right bytes go through it afterwards (the client asks for a new URL).
        (await Alice.PutBytesAsync(url, await File.ReadAllBytesAsync(a))).Error(HttpStatusCode.NotFound, UnusableUrl);
        await AssertNotUploadedAsync(Alice, place, a);
        await AssertNotStoredAsync(DataDirectory, Hash(a));
    }

    // 2
    [Fact]
    public async Task Upload_BrokenOffHalfway_StoresNothingAndAFreshUrlThenSucceeds()
    {
        var place = await NewContainerAsync("truncated");
        var a = await SifFiles.CreateAsync(library.Files, paddingBytes: 256 * 1024);
        var bytes = await File.ReadAllBytesAsync(a);
        var imageId = await Alice.CreateImageAsync(place.ContainerId, Hash(a));
        var url = await Alice.BeginUploadAsync(imageId, a);

        var answer = await SendHalfThenHangUpAsync(url, bytes);

        output.WriteLine($"The server's answer to the broken-off upload: {(answer.Length == 0 ? "(none)" : answer)}");
        await AssertNotUploadedAsync(Alice, place, a);
        await AssertNotStoredAsync(DataDirectory, Hash(a));

        // Nothing left behind blocks a retry: a new URL takes the whole file, and it is exactly the file.
        await Alice.UploadAsync(imageId, a);
        var image = await Alice.GetAsync($"/v1/images/{place.Ref}:{Hash(a)}?arch=amd64");
        Assert.True(image.Data().GetProperty("uploaded").GetBoolean(), $"the retried upload must count: {image.Body}");
        Assert.Equal(bytes.Length, image.Data().GetProperty("size").GetInt64());
        await AssertStoredAsync(DataDirectory, Hash(a));
        Assert.Equal(bytes, await library.Server.Client.GetByteArrayAsync($"/v1/imagefile/{place.Ref}:{Hash(a)}?arch=amd64"));
    }

    // 3
    [Fact]
    public async Task UploadUrl_UsedTwice_Is404TheSecondTimeAndChangesNothing()
    {
        var place = await NewContainerAsync("reused");
        var a = await SifFiles.CreateAsync(library.Files);
        var bytes = await File.ReadAllBytesAsync(a);
        var imageId = await Alice.CreateImageAsync(place.ContainerId, Hash(a));
        var url = await Alice.BeginUploadAsync(imageId, a);
        (await Alice.PutBytesAsync(url, bytes)).Ok();
        (await Alice.SendAsync(HttpMethod.Put, $"/v2/imagefile/{imageId}/_complete", "{}")).Data();
        var before = (await Alice.GetAsync($"/v1/images/{place.Ref}:{Hash(a)}?arch=amd64")).Data().GetRawText();

        var again = await Alice.PutBytesAsync(url, bytes);

        again.Error(HttpStatusCode.NotFound, UnusableUrl);
        Assert.Equal(before, (await Alice.GetAsync($"/v1/images/{place.Ref}:{Hash(a)}?arch=amd64")).Data().GetRawText());
    }

    // 4
    [Fact]
    public async Task UploadUrl_AfterItsLifetime_Is404AndStoresNothing()
    {
        using var data = new TestDirectory();
        await using var server = await RunningServer.StartAsync(data.Path, "--Uploads:UrlLifetime", "00:00:01");
        var carol = new LibraryApi(server.Client, await LibraryServerFixture.CreateUserAsync(data.Path, "carol"));
        var collectionId = await carol.CreateCollectionAsync(await carol.EntityIdAsync("carol"), "expiry");
        var place = new Place("carol/expiry/app", collectionId, await carol.CreateContainerAsync(collectionId, "app"));
        var a = await SifFiles.CreateAsync(data.Path);
        var imageId = await carol.CreateImageAsync(place.ContainerId, Hash(a));
        var url = await carol.BeginUploadAsync(imageId, a);

        // Twice the configured lifetime: the URL has expired (not a speed assertion).
        await Task.Delay(TimeSpan.FromSeconds(2));
        var put = await carol.PutBytesAsync(url, await File.ReadAllBytesAsync(a));

        put.Error(HttpStatusCode.NotFound, "expired");
        await AssertNotUploadedAsync(carol, place, a);
        await AssertNotStoredAsync(data.Path, Hash(a));
    }

    // 5
    [Fact]
    public async Task SomeoneElsesEntity_CreatingInItOrInItsName_Is403AndCreatesNothing()
    {
        var aliceId = await Alice.EntityIdAsync("alice");
        var collectionsBefore = await Alice.CollectionIdsAsync("alice");
        var name = LibraryServerFixture.UniqueName("intrusion");

        var collection = await Bob.PostAsync("/v1/collections", new { name, entity = aliceId, @private = false });
        var entity = await Bob.PostAsync("/v1/entities", new { name = "alice-lab", description = "", defaultPrivate = false });

        collection.Error(HttpStatusCode.Forbidden, "alice");
        (await Alice.GetAsync($"/v1/collections/alice/{name}")).Error(HttpStatusCode.NotFound);
        Assert.Equal(collectionsBefore, await Alice.CollectionIdsAsync("alice"));
        entity.Error(HttpStatusCode.Forbidden, "alice-lab");
        (await Alice.GetAsync("/v1/entities/alice-lab")).Error(HttpStatusCode.NotFound);
    }

    // 6
    [Fact]
    public async Task FrozenContainer_RefusesNewImagesTagMovesAndDeletes_With403AndKeepsItsImage()
    {
        var place = await NewContainerAsync("frozen");
        var a = await SifFiles.CreateAsync(library.Files);
        var other = await SifFiles.CreateAsync(library.Files);
        var b = await SifFiles.CreateAsync(library.Files);
        var aId = await Alice.PushAsync(place.ContainerId, a, "v1");

        // An uploaded image of the same container that v1 could be moved to, were the container writable.
        var otherId = await Alice.PushAsync(place.ContainerId, other, tag: null);
        await AdminCli.OkAsync(DataDirectory, null, "container", "freeze", place.Ref);
        var tagsBefore = await Alice.TagsAsync(place.ContainerId);

        var newImage = await Alice.PostAsync("/v1/images", new { hash = Hash(b), container = place.ContainerId });
        var moveTag = await Alice.SetTagAsync(place.ContainerId, otherId, "v1");
        var delete = await Alice.DeleteAsync($"/v1/images/{place.Ref}:v1?arch=amd64");

        newImage.Error(HttpStatusCode.Forbidden, "frozen");
        (await Alice.GetAsync($"/v1/images/{place.Ref}:{Hash(b)}?arch=")).Error(HttpStatusCode.NotFound);
        moveTag.Error(HttpStatusCode.Forbidden, "frozen");
        Assert.Equal(tagsBefore, await Alice.TagsAsync(place.ContainerId));
        delete.Error(HttpStatusCode.Forbidden, "frozen");
        var v1 = (await Alice.GetAsync($"/v1/images/{place.Ref}:v1?arch=amd64")).Data();
        Assert.Equal(Hash(a), v1.GetProperty("hash").GetString());
        Assert.Equal(aId, v1.GetProperty("id").GetString());
        Assert.True(v1.GetProperty("uploaded").GetBoolean());
        await AssertNotStoredAsync(DataDirectory, Hash(b));
    }

    // 7
    [Fact]
    public async Task NamesThatBreakTheRule_Are400SayingWhatIsAllowed()
    {
        var aliceId = await Alice.EntityIdAsync("alice");
        var place = await NewContainerAsync("names");
        var imageId = await Alice.PushAsync(place.ContainerId, await SifFiles.CreateAsync(library.Files), "v1");
        var tagsBefore = await Alice.TagsAsync(place.ContainerId);
        var collectionsBefore = await Alice.CollectionIdsAsync("alice");

        var spaced = await Alice.PostAsync("/v1/collections", new { name = "Bad Name", entity = aliceId, @private = false });
        var dashed = await Alice.PostAsync("/v1/collections", new { name = "-x", entity = aliceId, @private = false });
        var upper = await Alice.GetAsync("/v1/images/Alice/x/y:latest?arch=amd64");
        var fourParts = await Alice.GetAsync("/v1/images/a/b/c/d:latest");
        var badTag = await Alice.SetTagAsync(place.ContainerId, imageId, "bad tag!");

        spaced.Error(HttpStatusCode.BadRequest, "Bad Name", "a-z");
        dashed.Error(HttpStatusCode.BadRequest, "-x", "a-z");
        Assert.Equal(collectionsBefore, await Alice.CollectionIdsAsync("alice"));
        upper.Error(HttpStatusCode.BadRequest, "uppercase", "a-z");
        fourParts.Error(HttpStatusCode.BadRequest, "at most 3");
        badTag.Error(HttpStatusCode.BadRequest, "bad tag!", "letters");
        Assert.Equal(tagsBefore, await Alice.TagsAsync(place.ContainerId));
    }

    // 8
    [Fact]
    public async Task UnknownImage_Is404EverywhereAndCreatesNothing()
    {
        var collectionsBefore = await Alice.CollectionIdsAsync("alice");

        var get = await Alice.GetAsync("/v1/images/alice/nope/nope:latest?arch=amd64");
        var file = await Alice.GetAsync("/v1/imagefile/alice/nope/nope:latest?arch=amd64");
        var delete = await Alice.DeleteAsync("/v1/images/alice/nope/nope:latest?arch=amd64");
        var upload = await Alice.PostAsync("/v2/imagefile/999999999", new { filesize = 1024, sha256sum = "", md5sum = "" });

        get.Error(HttpStatusCode.NotFound, "alice/nope/nope");
        file.Error(HttpStatusCode.NotFound, "alice/nope/nope");
        delete.Error(HttpStatusCode.NotFound, "alice/nope/nope");
        upload.Error(HttpStatusCode.NotFound, "999999999");
        (await Alice.GetAsync("/v1/collections/alice/nope")).Error(HttpStatusCode.NotFound);
        Assert.Equal(collectionsBefore, await Alice.CollectionIdsAsync("alice"));
    }

    // 9
    [Fact]
    public async Task MalformedBodies_Are400AndChangeNothing()
    {
        var place = await NewContainerAsync("malformed");
        var a = await SifFiles.CreateAsync(library.Files);

        var notJson = await Alice.PostAsync("/v1/entities", "{not json");
        var textId = await Alice.PostAsync("/v1/images", new { hash = Hash(a), container = "abc" });
        var imageId = await Alice.CreateImageAsync(place.ContainerId, Hash(a));
        var negative = await Alice.PostAsync($"/v2/imagefile/{imageId}", "{\"filesize\":-1}");

        notJson.Error(HttpStatusCode.BadRequest, "JSON");
        textId.Error(HttpStatusCode.BadRequest, "container", "abc");
        negative.Error(HttpStatusCode.BadRequest, "filesize");
        var image = (await Alice.GetAsync($"/v1/images/{place.Ref}:{Hash(a)}?arch=")).Data();
        Assert.Equal(imageId, image.GetProperty("id").GetString());
        Assert.False(image.GetProperty("uploaded").GetBoolean());
        await AssertNotStoredAsync(DataDirectory, Hash(a));
    }

    // 10
    [Fact]
    public async Task BadToken_Is401OnTheLibraryAnd404OnTokenStatus()
    {
        var nonsense = Alice.As("sreg_nonsense");

        var entity = await nonsense.GetAsync("/v1/entities/alice");
        var search = await nonsense.GetAsync("/v1/search?value=alice&arch=&signed=");
        var badStatus = await nonsense.GetAsync("/v1/token-status");
        var goodStatus = await Alice.GetAsync("/v1/token-status");

        entity.Error(HttpStatusCode.Unauthorized, "token");
        search.Error(HttpStatusCode.Unauthorized, "token");
        badStatus.Error(HttpStatusCode.NotFound, "token");
        goodStatus.Ok();
    }

    // 11
    [Fact]
    public async Task AnonymousMutation_Is401AndCreatesNothing()
    {
        var aliceId = await Alice.EntityIdAsync("alice");
        var collectionsBefore = await Alice.CollectionIdsAsync("alice");
        var name = LibraryServerFixture.UniqueName("anonymous");

        var collection = await Anonymous.PostAsync("/v1/collections", new { name, entity = aliceId, @private = false });
        var entity = await Anonymous.PostAsync("/v1/entities", new { name, description = "", defaultPrivate = false });

        collection.Error(HttpStatusCode.Unauthorized);
        (await Alice.GetAsync($"/v1/collections/alice/{name}")).Error(HttpStatusCode.NotFound);
        Assert.Equal(collectionsBefore, await Alice.CollectionIdsAsync("alice"));
        entity.Error(HttpStatusCode.Unauthorized);
        (await Alice.GetAsync($"/v1/entities/{name}")).Error(HttpStatusCode.NotFound);
    }

    // 12
    [Fact]
    public async Task PrivateImage_ById_IsInvisibleToOthers_404Not403()
    {
        var place = await NewContainerAsync("private", isPrivate: true);
        var a = await SifFiles.CreateAsync(library.Files);
        var imageId = await Alice.PushAsync(place.ContainerId, a, "latest");
        Assert.True((await Alice.GetAsync($"/v1/collections/{place.Ref[..place.Ref.LastIndexOf('/')]}")).Data().GetProperty("private").GetBoolean());
        var tagsBefore = await Alice.TagsAsync(place.ContainerId);

        var tags = await Bob.GetAsync($"/v1/tags/{place.ContainerId}");
        var byHash = await Bob.GetAsync($"/v1/images/{place.Ref}:{Hash(a)}?arch=amd64");
        var upload = await Bob.RequestUploadAsync(imageId, a);

        tags.Error(HttpStatusCode.NotFound);
        byHash.Error(HttpStatusCode.NotFound);
        upload.Error(HttpStatusCode.NotFound);
        Assert.Equal(tagsBefore, await Alice.TagsAsync(place.ContainerId));
        Assert.True((await Alice.GetAsync($"/v1/images/{place.Ref}:{Hash(a)}?arch=amd64")).Data().GetProperty("uploaded").GetBoolean());
    }

    // 13
    [Fact]
    public async Task Upload_OfBytesThatAreNoSifImage_Is422AndStoresNothing()
    {
        var place = await NewContainerAsync("notsif");
        var junk = await RandomFileAsync(64 * 1024);
        var imageId = await Alice.CreateImageAsync(place.ContainerId, Hash(junk));
        var url = await Alice.BeginUploadAsync(imageId, junk);

        var put = await Alice.PutBytesAsync(url, await File.ReadAllBytesAsync(junk));

        put.Error(HttpStatusCode.UnprocessableEntity, "SIF");
        await AssertNotUploadedAsync(Alice, place, junk);
        await AssertNotStoredAsync(DataDirectory, Hash(junk));
    }

    // 13, continued: what "nothing stored" protects against.
    [Fact]
    public async Task Upload_OfBytesThatAreNoSifImage_DoesNotLetAnotherImageOfThatHashCountAsUploaded()
    {
        var first = await NewContainerAsync("notsif");
        var junk = await RandomFileAsync(64 * 1024);
        var imageId = await Alice.CreateImageAsync(first.ContainerId, Hash(junk));
        (await Alice.PutBytesAsync(await Alice.BeginUploadAsync(imageId, junk), await File.ReadAllBytesAsync(junk)))
            .Error(HttpStatusCode.UnprocessableEntity, "SIF");
        var second = await NewContainerAsync("notsif");

        // An image created with the refused bytes' hash (and an arch, as a client may send) must still need its upload.
        var created = (await Alice.PostAsync("/v1/images", new { hash = Hash(junk), container = second.ContainerId, arch = "amd64" })).Data();

        Assert.False(created.GetProperty("uploaded").GetBoolean(), $"refused bytes must not make a new image count as uploaded: {created.GetRawText()}");
        (await Alice.GetAsync($"/v1/imagefile/{second.Ref}:{Hash(junk)}?arch=amd64")).Error(HttpStatusCode.NotFound);
    }

    private sealed record Place(string Ref, string CollectionId, string ContainerId);

    /// <summary>A fresh collection of alice's with one container, <c>app</c>.</summary>
    private async Task<Place> NewContainerAsync(string prefix, bool isPrivate = false)
    {
        var collection = LibraryServerFixture.UniqueName(prefix);
        var collectionId = await Alice.CreateCollectionAsync(await Alice.EntityIdAsync("alice"), collection, isPrivate);
        return new Place($"alice/{collection}/app", collectionId, await Alice.CreateContainerAsync(collectionId, "app"));
    }

    private static async Task AssertNotUploadedAsync(LibraryApi owner, Place place, string file)
    {
        // ?arch= empty, as the client sends it: the image's arch is unknown until its bytes arrive.
        var image = (await owner.GetAsync($"/v1/images/{place.Ref}:{Hash(file)}?arch=")).Data();
        Assert.False(image.GetProperty("uploaded").GetBoolean(), $"the image must still wait for its bytes: {image.GetRawText()}");
        (await owner.GetAsync($"/v1/imagefile/{place.Ref}:{Hash(file)}?arch=")).Error(HttpStatusCode.NotFound);
    }

    private static async Task AssertNotStoredAsync(string dataDirectory, string hash)
    {
        var stat = await AdminCli.RunAsync(dataDirectory, null, "blob", "stat", hash);
        Assert.True(stat.ExitCode == 1, $"{hash} must not be in the store: admin blob stat {stat}");
    }

    private static async Task AssertStoredAsync(string dataDirectory, string hash)
    {
        var stat = await AdminCli.RunAsync(dataDirectory, null, "blob", "stat", hash);
        Assert.True(stat.ExitCode == 0, $"{hash} must be in the store: admin blob stat {stat}");
    }

    /// <summary>A copy of <paramref name="file"/> with its last byte changed: same size, another sha256.</summary>
    private async Task<string> SameSizeOtherBytesAsync(string file)
    {
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^1] ^= 0xff;
        var copy = Path.Combine(library.Files, LibraryServerFixture.UniqueName("other") + ".sif");
        await File.WriteAllBytesAsync(copy, bytes);
        return copy;
    }

    private async Task<string> RandomFileAsync(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        var path = Path.Combine(library.Files, LibraryServerFixture.UniqueName("junk") + ".bin");
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    /// <summary>
    /// PUTs to <paramref name="uploadUrl"/> announcing all of <paramref name="bytes"/> but sending half, then
    /// hangs up (FIN) as a client that died would; returns whatever the server still answered, so that the
    /// server is known to be done with the request.
    /// </summary>
    private static async Task<string> SendHalfThenHangUpAsync(string uploadUrl, byte[] bytes)
    {
        var url = new Uri(uploadUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, url.Port);
        var stream = tcp.GetStream();
        var head = $"PUT {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/octet-stream\r\nContent-Length: {bytes.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await stream.FlushAsync();
        tcp.Client.Shutdown(SocketShutdown.Send);

        using var answer = new MemoryStream();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await stream.CopyToAsync(answer, limit.Token);
        }
        catch (IOException)
        {
            // The server reset the connection instead of answering: also a way of being done with it.
        }

        return Encoding.ASCII.GetString(answer.ToArray());
    }

    private static string Hash(string file) => SifFiles.LibraryHash(file);

    private static string Hex(string file) => Hash(file)["sha256.".Length..];
}
