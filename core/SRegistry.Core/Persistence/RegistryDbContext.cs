using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence.Configurations;

namespace SRegistry.Core.Persistence;

/// <summary>The registry's metadata in PostgreSQL. Schema changes go through hand-written migrations in <c>Migrations/</c>.</summary>
public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<Entity> Entities => Set<Entity>();
    public DbSet<Collection> Collections => Set<Collection>();
    public DbSet<CollectionMember> CollectionMembers => Set<CollectionMember>();
    public DbSet<Container> Containers => Set<Container>();
    public DbSet<Image> Images => Set<Image>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Label> Labels => Set<Label>();
    public DbSet<Star> Stars => Set<Star>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<StoredBlob> Blobs => Set<StoredBlob>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<UploadSession> UploadSessions => Set<UploadSession>();
    public DbSet<Manifest> Manifests => Set<Manifest>();
    public DbSet<ManifestReference> ManifestReferences => Set<ManifestReference>();
    public DbSet<ManifestTag> ManifestTags => Set<ManifestTag>();
    public DbSet<RepositoryBlob> RepositoryBlobs => Set<RepositoryBlob>();
    public DbSet<OciUpload> OciUploads => Set<OciUpload>();
    public DbSet<TeamInvitation> TeamInvitations => Set<TeamInvitation>();
    public DbSet<Build> Builds => Set<Build>();
    public DbSet<RepositoryConnection> RepositoryConnections => Set<RepositoryConnection>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();
    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Conventions.Add(_ => new SnakeCaseNamingConvention());

        // Enums by name: readable in psql, and reordering an enum cannot silently change anyone's role.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm"); // For the indexes of substring search (SubstringSearchIndex).
        modelBuilder.ApplyConfigurationsFromAssembly(
            typeof(RegistryDbContext).Assembly,
            type => type.Namespace == typeof(UserConfiguration).Namespace);
    }
}
