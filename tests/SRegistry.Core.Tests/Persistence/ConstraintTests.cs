using Microsoft.EntityFrameworkCore;
using Npgsql;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Tests.Persistence;

/// <summary>The database refuses what would hurt users even when application code gets it wrong.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConstraintTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Tag_SameNameInSameContainerAndArch_IsRefused()
    {
        var world = await SeedAsync();
        await using var context = postgres.CreateContext(world.ConnectionString);
        context.Tags.Add(NewTag(world.ContainerA, world.ImageA, "latest"));
        await context.SaveChangesAsync();

        context.Tags.Add(NewTag(world.ContainerA, world.ImageA, "latest"));

        await AssertRefusedAsync(context, PostgresErrorCodes.UniqueViolation);
    }

    [Fact]
    public async Task Tag_SameNameInAnotherContainerOrArch_IsAllowed()
    {
        var world = await SeedAsync();
        await using var context = postgres.CreateContext(world.ConnectionString);
        var arm = NewImage(world.ContainerA, "arm64");
        context.Images.Add(arm);
        await context.SaveChangesAsync();

        context.Tags.AddRange(
            NewTag(world.ContainerA, world.ImageA, "latest"),
            NewTag(world.ContainerA, arm.Id, "latest", "arm64"),
            NewTag(world.ContainerB, world.ImageB, "latest"));
        await context.SaveChangesAsync();

        Assert.Equal(3, await context.Tags.CountAsync(t => t.Name == "latest"));
    }

    [Fact]
    public async Task Tag_PointingAtImageOfAnotherContainer_IsRefused()
    {
        var world = await SeedAsync();
        await using var context = postgres.CreateContext(world.ConnectionString);

        context.Tags.Add(NewTag(world.ContainerB, world.ImageA, "leak"));

        await AssertRefusedAsync(context, PostgresErrorCodes.ForeignKeyViolation);
    }

    [Fact]
    public async Task DeletingImage_DeletesItsTagsAndLabels()
    {
        var world = await SeedAsync();
        await using (var setup = postgres.CreateContext(world.ConnectionString))
        {
            setup.Tags.AddRange(NewTag(world.ContainerA, world.ImageA, "latest"), NewTag(world.ContainerA, world.ImageA, "v1"));
            setup.Labels.Add(new Label { ImageId = world.ImageA, Key = "org.label-schema.version", Value = "1" });
            await setup.SaveChangesAsync();
        }

        // A fresh context tracks no tags, so the database's cascade, not EF's, does the work.
        await using var context = postgres.CreateContext(world.ConnectionString);
        await context.Images.Where(i => i.Id == world.ImageA).ExecuteDeleteAsync();

        Assert.False(await context.Tags.AnyAsync(t => t.ContainerId == world.ContainerA));
        Assert.False(await context.Labels.AnyAsync());
    }

    [Fact]
    public async Task DeletingContainer_WithImages_IsRefused()
    {
        var world = await SeedAsync();
        await using var context = postgres.CreateContext(world.ConnectionString);

        var refused = await Assert.ThrowsAsync<PostgresException>(
            () => context.Containers.Where(c => c.Id == world.ContainerA).ExecuteDeleteAsync());

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
    }

    [Fact]
    public async Task CollectionMember_WithBothUserAndTeam_IsRefused()
    {
        var world = await SeedAsync();
        await using var context = postgres.CreateContext(world.ConnectionString);
        var team = new Team { Name = "lab", CreatedAt = Now };
        context.Teams.Add(team);
        await context.SaveChangesAsync();

        context.CollectionMembers.Add(new CollectionMember
        {
            CollectionId = world.Collection, UserId = world.User, TeamId = team.Id, Role = CollectionRole.Owner,
        });

        await AssertRefusedAsync(context, PostgresErrorCodes.CheckViolation);
    }

    [Fact]
    public async Task CollectionMember_WithNeitherUserNorTeam_IsRefused()
    {
        var world = await SeedAsync();
        await using var context = postgres.CreateContext(world.ConnectionString);

        context.CollectionMembers.Add(new CollectionMember { CollectionId = world.Collection, Role = CollectionRole.Owner });

        await AssertRefusedAsync(context, PostgresErrorCodes.CheckViolation);
    }

    [Fact]
    public async Task Entity_OwnedByUserAndTeam_IsRefused()
    {
        var world = await SeedAsync();
        await using var context = postgres.CreateContext(world.ConnectionString);
        var team = new Team { Name = "lab", CreatedAt = Now };
        context.Teams.Add(team);
        await context.SaveChangesAsync();

        context.Entities.Add(new Entity { Name = "shared", OwnerUserId = world.User, OwnerTeamId = team.Id, CreatedAt = Now });

        await AssertRefusedAsync(context, PostgresErrorCodes.CheckViolation);
    }

    [Theory]
    [InlineData("alice", PostgresErrorCodes.UniqueViolation)]
    [InlineData("Bob", PostgresErrorCodes.CheckViolation)]
    public async Task User_DuplicateOrNotLowercaseName_IsRefused(string userName, string sqlState)
    {
        var world = await SeedAsync();
        await using var context = postgres.CreateContext(world.ConnectionString);

        context.Users.Add(new User { UserName = userName, CreatedAt = Now });

        await AssertRefusedAsync(context, sqlState);
    }

    [Fact]
    public async Task DeletingUser_TakesTokensAndStars_KeepsAuditTrail()
    {
        var world = await SeedAsync();
        await using (var setup = postgres.CreateContext(world.ConnectionString))
        {
            setup.ApiTokens.Add(new ApiToken { UserId = world.User, Name = "ci", SecretHash = [1, 2, 3], Prefix = "abc", CreatedAt = Now });
            setup.Stars.Add(new Star { UserId = world.User, ContainerId = world.ContainerA, CreatedAt = Now });
            setup.AuditEvents.Add(new AuditEvent { At = Now, ActorUserId = world.User, Actor = "alice", Action = "token.create", Target = "user:alice" });
            await setup.Entities.Where(e => e.OwnerUserId == world.User).ExecuteUpdateAsync(e => e.SetProperty(x => x.OwnerUserId, (long?)null));
            await setup.SaveChangesAsync();
        }

        await using var context = postgres.CreateContext(world.ConnectionString);
        await context.Users.Where(u => u.Id == world.User).ExecuteDeleteAsync();

        Assert.False(await context.ApiTokens.AnyAsync());
        Assert.False(await context.Stars.AnyAsync());
        var audit = await context.AuditEvents.SingleAsync();
        Assert.Null(audit.ActorUserId);
        Assert.Equal("alice", audit.Actor);
    }

    [Fact]
    public async Task DeletingUser_WhoOwnsAnEntity_IsRefused()
    {
        var world = await SeedAsync();
        await using var context = postgres.CreateContext(world.ConnectionString);

        var refused = await Assert.ThrowsAsync<PostgresException>(
            () => context.Users.Where(u => u.Id == world.User).ExecuteDeleteAsync());

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
    }

    [Fact]
    public async Task Roles_AreStoredByName()
    {
        var world = await SeedAsync();
        await using var context = postgres.CreateContext(world.ConnectionString);
        context.CollectionMembers.Add(new CollectionMember { CollectionId = world.Collection, UserId = world.User, Role = CollectionRole.Contributor });
        await context.SaveChangesAsync();

        var stored = await context.Database.SqlQuery<string>($"SELECT role AS \"Value\" FROM collection_members").SingleAsync();

        Assert.Equal("Contributor", stored);
    }

    private static async Task AssertRefusedAsync(RegistryDbContext context, string sqlState)
    {
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.Equal(sqlState, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
    }

    private async Task<World> SeedAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var context = postgres.CreateContext(connectionString);
        var user = new User { UserName = "alice", CreatedAt = Now };
        var entity = new Entity { Name = "alice", OwnerUser = user, CreatedAt = Now };
        var collection = new Collection { Name = "tools", Entity = entity, CreatedAt = Now, UpdatedAt = Now };
        var containerA = new Container { Name = "bwa", Collection = collection, CreatedAt = Now, UpdatedAt = Now };
        var containerB = new Container { Name = "samtools", Collection = collection, CreatedAt = Now, UpdatedAt = Now };
        var imageA = NewImage(containerA, "amd64");
        var imageB = NewImage(containerB, "amd64");
        context.AddRange(imageA, imageB);
        await context.SaveChangesAsync();
        return new World(connectionString, user.Id, collection.Id, containerA.Id, containerB.Id, imageA.Id, imageB.Id);
    }

    private static Image NewImage(Container container, string arch) => new()
    {
        Container = container, Digest = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0'), Arch = arch, CreatedAt = Now,
    };

    private static Image NewImage(long containerId, string arch) => new()
    {
        ContainerId = containerId, Digest = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0'), Arch = arch, CreatedAt = Now,
    };

    private static Tag NewTag(long containerId, long imageId, string name, string arch = "amd64") =>
        new() { ContainerId = containerId, ImageId = imageId, Name = name, Arch = arch, UpdatedAt = Now };

    private sealed record World(string ConnectionString, long User, long Collection, long ContainerA, long ContainerB, long ImageA, long ImageB);
}
