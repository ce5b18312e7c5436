using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Images;
using SRegistry.Core.Persistence;
using SRegistry.Core.Stars;
using SRegistry.Core.Storage;
using SRegistry.Core.Teams;
using SRegistry.Core.Tests.Accounts;
using SRegistry.Core.Tests.Persistence;
using SRegistry.Core.Usage;

namespace SRegistry.Core.Tests.Catalog;

/// <summary>
/// A migrated database with people in known roles, and the catalog services over it:
/// <c>admin</c> (administrator), <c>alice</c> and <c>bob</c> (each owning an entity of their name),
/// <c>dave</c> (owner of team <c>lab</c>, which owns entity <c>lab</c>), <c>carol</c> (member of <c>lab</c>)
/// and <c>erin</c> (no entity, no team).
/// </summary>
internal sealed class CatalogScene : IAsyncDisposable
{
    private readonly PostgresFixture postgres;
    private readonly string connectionString;
    private readonly string blobRoot = Directory.CreateTempSubdirectory("sregistry-catalog-").FullName;
    private readonly List<RegistryDbContext> contexts = [];

    private CatalogScene(PostgresFixture postgres, string connectionString)
    {
        this.postgres = postgres;
        this.connectionString = connectionString;
    }

    public ManualTimeProvider Time { get; } = new();

    public CatalogOptions Settings { get; } = new();

    public Dictionary<string, User> Users { get; } = [];

    public long LabTeamId { get; private set; }

    public static async Task<CatalogScene> CreateAsync(PostgresFixture postgres)
    {
        var scene = new CatalogScene(postgres, await postgres.CreateDatabaseAsync());
        await scene.SeedAsync();
        return scene;
    }

    /// <summary>A new context, as a new request would get; disposed with the scene.</summary>
    public RegistryDbContext Context()
    {
        var db = postgres.CreateContext(connectionString);
        contexts.Add(db);
        return db;
    }

    /// <summary>A new context whose commands pass through <paramref name="interceptor"/>, to stage a race at a chosen command.</summary>
    public RegistryDbContext Context(IInterceptor interceptor)
    {
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        options.UseRegistryDatabase(connectionString).AddInterceptors(interceptor);
        var db = new RegistryDbContext(options.Options);
        contexts.Add(db);
        return db;
    }

    public EntityCatalog Entities() { var db = Context(); return new(db, new AuditLog(db, Time), Time, Options.Create(Settings)); }

    public CollectionCatalog Collections() { var db = Context(); return new(db, new AuditLog(db, Time), Time, Options.Create(Settings)); }

    public ContainerCatalog Containers() { var db = Context(); return new(db, new AuditLog(db, Time), Time); }

    public ImageCatalog Images() { var db = Context(); return new(db, Store(db), new AuditLog(db, Time), Time); }

    public TagCatalog Tags() { var db = Context(); return new(db, new AuditLog(db, Time), Time); }

    public CatalogSearch Search() => new(Context());

    public TeamService Teams() { var db = Context(); return new(db, new AuditLog(db, Time), Time); }

    public TeamInvitations Invitations() { var db = Context(); return new(db, new AuditLog(db, Time), Time); }

    public StarService Stars() => new(Context(), Time);

    public UsageReport Usage() => new(Context());

    public ImageStore Store(RegistryDbContext db)
    {
        var blobs = new FileSystemBlobStore(new FileSystemBlobStoreOptions { Path = blobRoot });
        return new(db, blobs, new FileUploadStaging(blobRoot + "-uploads", blobs), new AuditLog(db, Time), Time);
    }

    /// <summary>The named user as a caller, with their teams, limited to <paramref name="scopes"/> if any.</summary>
    public async Task<Caller> CallerAsync(string userName, params string[] scopes)
    {
        var user = Users[userName];
        var teams = await Context().TeamMembers.Where(m => m.UserId == user.Id).Select(m => m.TeamId).ToListAsync();
        return Caller.ForUser(user, teams, scopes);
    }

    public async Task<Collection> AddCollectionAsync(string entityName, string name, bool isPrivate = false)
    {
        var db = Context();
        var entity = await db.Entities.SingleAsync(e => e.Name == entityName);
        var collection = new Collection { EntityId = entity.Id, Name = name, IsPrivate = isPrivate, CreatedAt = Time.GetUtcNow(), UpdatedAt = Time.GetUtcNow() };
        db.Collections.Add(collection);
        await db.SaveChangesAsync();
        return collection;
    }

    public async Task AddMemberAsync(long collectionId, CollectionRole role, string? userName = null, long? teamId = null)
    {
        var db = Context();
        db.CollectionMembers.Add(new CollectionMember { CollectionId = collectionId, UserId = userName is null ? null : Users[userName].Id, TeamId = teamId, Role = role });
        await db.SaveChangesAsync();
    }

    public async Task<Container> AddContainerAsync(long collectionId, string name, string? description = null, bool frozen = false)
    {
        var db = Context();
        var container = new Container { CollectionId = collectionId, Name = name, Description = description, IsFrozen = frozen, CreatedAt = Time.GetUtcNow(), UpdatedAt = Time.GetUtcNow() };
        db.Containers.Add(container);
        await db.SaveChangesAsync();
        return container;
    }

    /// <summary>An uploaded image (unless said otherwise) of the content named <paramref name="content"/>, with the given tags.</summary>
    public async Task<Image> AddImageAsync(long containerId, string content, string arch = "amd64", bool uploaded = true, bool signed = false, string[]? tags = null)
    {
        var db = Context();
        var image = new Image { ContainerId = containerId, Digest = Digest(content).Hex, Arch = arch, Size = content.Length * 1000L, Uploaded = uploaded, Signed = signed, CreatedAt = Time.GetUtcNow() };
        foreach (var tag in tags ?? [])
            image.Tags.Add(new Tag { ContainerId = containerId, Arch = arch, Name = tag, UpdatedAt = Time.GetUtcNow() });

        // An uploaded image names a recorded blob: the database refuses a reference to content it does not hold.
        if (uploaded && !await db.Blobs.AnyAsync(b => b.Digest == image.Digest))
            db.Blobs.Add(new StoredBlob { Digest = image.Digest, Size = image.Size, CreatedAt = Time.GetUtcNow(), TouchedAt = Time.GetUtcNow() });
        db.Images.Add(image);
        await db.SaveChangesAsync();
        return image;
    }

    /// <summary>The stand-in digest of a named piece of content.</summary>
    public static BlobDigest Digest(string content) => BlobDigest.FromHash(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public async ValueTask DisposeAsync()
    {
        foreach (var db in contexts)
            await db.DisposeAsync();
        Directory.Delete(blobRoot, recursive: true);
    }

    private async Task SeedAsync()
    {
        var db = Context();
        foreach (var name in new[] { "admin", "alice", "bob", "carol", "dave", "erin" })
            Users[name] = new User { UserName = name, IsAdmin = name == "admin", CreatedAt = Time.GetUtcNow() };
        db.Users.AddRange(Users.Values);
        var lab = new Team { Name = "lab", CreatedAt = Time.GetUtcNow() };
        lab.Members.Add(new TeamMember { User = Users["dave"], Role = TeamRole.Owner });
        lab.Members.Add(new TeamMember { User = Users["carol"], Role = TeamRole.Member });
        db.Teams.Add(lab);
        foreach (var name in new[] { "admin", "alice", "bob" })
            db.Entities.Add(new Entity { Name = name, OwnerUser = Users[name], CreatedAt = Time.GetUtcNow() });
        db.Entities.Add(new Entity { Name = "lab", OwnerTeam = lab, CreatedAt = Time.GetUtcNow() });
        await db.SaveChangesAsync();
        LabTeamId = lab.Id;
    }
}
