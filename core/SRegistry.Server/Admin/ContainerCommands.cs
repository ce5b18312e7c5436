using System.CommandLine;
using SRegistry.Core.Catalog;

namespace SRegistry.Server.Admin;

/// <summary><c>admin container freeze|unfreeze entity/collection/container</c>: make a container read-only, or writable again.</summary>
public static class ContainerCommands
{
    public static Command Create(Option<string?> data)
    {
        var container = new Command("container", "Manage containers.");
        container.Subcommands.Add(FreezeCommand(data, "freeze", true, "Make a container read-only: no new images, tag moves or deletes."));
        container.Subcommands.Add(FreezeCommand(data, "unfreeze", false, "Make a frozen container writable again."));
        return container;
    }

    private static Command FreezeCommand(Option<string?> data, string verb, bool frozen, string description)
    {
        var path = new Argument<string>("container") { Description = "entity/collection/container" };
        var command = new Command(verb, description) { path };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(path)!.Split('/') is not [var entity, var collection, var name])
            {
                return AdminCommandLine.Refuse($"'{parse.GetValue(path)}' is not entity/collection/container.");
            }

            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var containers = session.Get<ContainerCatalog>();
            var found = await containers.GetContainerAsync(entity, collection, name, Caller.System, ct);
            if (!found.Succeeded) return AdminCommandLine.Refuse(found.Message);
            var changed = await containers.SetFrozenAsync(found.Value.Id, frozen, Caller.System, ct);
            if (!changed.Succeeded) return AdminCommandLine.Refuse(changed.Message);
            Console.WriteLine($"{parse.GetValue(path)}\t{(frozen ? "frozen" : "writable")}");
            return 0;
        });
        return command;
    }
}
