using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Tests.Persistence;

/// <summary>The domain model round-trips through the mapping the way services will use it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MappingTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Tag_AddedThroughNavigations_SavesWithImageInOneStep()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var context = postgres.CreateContext(connectionString))
        {
            var entity = await context.Entities.SingleAsync(e => e.Name == Entity.DefaultName);
            var container = new Container
            {
                Name = "bwa", CreatedAt = Now, UpdatedAt = Now,
                Collection = new Collection { Name = "tools", Entity = entity, CreatedAt = Now, UpdatedAt = Now },
            };
            var image = new Image { Container = container, Digest = new string('a', 64), Arch = "amd64", CreatedAt = Now };
            context.Tags.Add(new Tag { Container = container, Image = image, Arch = "amd64", Name = "latest", UpdatedAt = Now });
            await context.SaveChangesAsync();
        }

        await using var reader = postgres.CreateContext(connectionString);
        var tag = await reader.Tags.Include(t => t.Image).SingleAsync();
        Assert.Equal(new string('a', 64), tag.Image.Digest);
        Assert.Equal(tag.ContainerId, tag.Image.ContainerId);
    }

    [Fact]
    public async Task Tag_MovedToAnotherImageOfItsContainer_IsSaved()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        long newImageId;
        await using (var context = postgres.CreateContext(connectionString))
        {
            var entity = await context.Entities.SingleAsync();
            var container = new Container
            {
                Name = "bwa", CreatedAt = Now, UpdatedAt = Now,
                Collection = new Collection { Name = "tools", Entity = entity, CreatedAt = Now, UpdatedAt = Now },
            };
            var old = new Image { Container = container, Digest = new string('a', 64), Arch = "amd64", CreatedAt = Now };
            var next = new Image { Container = container, Digest = new string('b', 64), Arch = "amd64", CreatedAt = Now };
            context.Tags.Add(new Tag { Container = container, Image = old, Arch = "amd64", Name = "latest", UpdatedAt = Now });
            context.Images.Add(next);
            await context.SaveChangesAsync();
            newImageId = next.Id;
        }

        await using (var context = postgres.CreateContext(connectionString))
        {
            var tag = await context.Tags.SingleAsync();
            tag.ImageId = newImageId;
            await context.SaveChangesAsync();
        }

        await using var reader = postgres.CreateContext(connectionString);
        Assert.Equal(newImageId, (await reader.Tags.SingleAsync()).ImageId);
    }

    [Fact]
    public async Task ApiToken_RoundTripsHashScopesAndTimes()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        byte[] hash = [0, 1, 2, 254, 255];
        await using (var context = postgres.CreateContext(connectionString))
        {
            context.ApiTokens.Add(new ApiToken
            {
                User = new User { UserName = "alice", CreatedAt = Now },
                Name = "ci", SecretHash = hash, Prefix = "sreg_ab", Scopes = ["pull", "push"], CreatedAt = Now, ExpiresAt = Now.AddDays(30),
            });
            await context.SaveChangesAsync();
        }

        await using var reader = postgres.CreateContext(connectionString);
        var token = await reader.ApiTokens.SingleAsync(t => t.SecretHash == hash);
        Assert.Equal(["pull", "push"], token.Scopes);
        Assert.Equal(Now, token.CreatedAt);
        Assert.Equal(Now.AddDays(30), token.ExpiresAt);
        Assert.Null(token.RevokedAt);
    }
}
