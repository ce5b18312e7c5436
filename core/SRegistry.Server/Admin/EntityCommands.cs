using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Persistence;

namespace SRegistry.Server.Admin;

/// <summary><c>admin entity list</c>: the namespaces and who owns them.</summary>
public static class EntityCommands
{
    public static Command Create(Option<string?> data)
    {
        var list = new Command("list", "List entities (namespaces): name, owner.");
        list.SetAction(async (parse, ct) =>
        {
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var entities = await session.Get<RegistryDbContext>().Entities.AsNoTracking()
                .OrderBy(e => e.Name)
                .Select(e => new { e.Name, User = e.OwnerUser!.UserName, Team = e.OwnerTeam!.Name })
                .ToListAsync(ct);
            foreach (var e in entities) Console.WriteLine($"{e.Name}\t{(e.User is not null ? "user:" + e.User : e.Team is not null ? "team:" + e.Team : "registry")}");
            return 0;
        });
        return new Command("entity", "Inspect entities (namespaces).") { list };
    }
}
