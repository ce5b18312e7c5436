using System.CommandLine;
using SRegistry.Core.Quotas;
using SRegistry.Core.Usage;

namespace SRegistry.Server.Admin;

/// <summary><c>admin quota show|set user|team NAME</c>: storage used and allowed per account.</summary>
public static class QuotaCommands
{
    public static Command Create(Option<string?> data)
    {
        var quota = new Command("quota", "Show and set storage quotas of users and teams.");
        quota.Subcommands.Add(ShowCommand(data));
        quota.Subcommands.Add(SetCommand(data));
        return quota;
    }

    private static Command ShowCommand(Option<string?> data)
    {
        var (kind, name) = Account();
        var command = new Command("show", "Print kind, name, used bytes, limit (or 'unlimited') and whether the limit is the account's own or the default.") { kind, name };
        command.SetAction(async (parse, ct) =>
        {
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var quotas = session.Get<QuotaService>();
            var owner = Kind(parse.GetValue(kind)!);
            if (await quotas.FindAsync(owner, parse.GetValue(name)!, ct) is not { } id)
                return AdminCommandLine.Refuse($"There is no {parse.GetValue(kind)} named '{parse.GetValue(name)}'.");
            Print(await quotas.GetAsync(owner, id, ct));
            return 0;
        });
        return command;
    }

    private static Command SetCommand(Option<string?> data)
    {
        var (kind, name) = Account();
        var bytes = new Argument<string>("bytes") { Description = "A number of bytes (0 allows nothing), 'unlimited', or 'default' for Quotas:Default…Bytes." };
        var command = new Command("set", "Set an account's own storage limit.") { kind, name, bytes };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(bytes)!;
            long? limit = text switch
            {
                "default" => null,
                "unlimited" => long.MaxValue,
                _ when long.TryParse(text, out var n) && n >= 0 => n,
                _ => -1,
            };
            if (limit < 0) return AdminCommandLine.Refuse($"'{text}' is not a number of bytes, 'unlimited' or 'default'.");
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var quotas = session.Get<QuotaService>();
            var owner = Kind(parse.GetValue(kind)!);
            if (!await quotas.SetAsync(owner, parse.GetValue(name)!, limit, ct) || await quotas.FindAsync(owner, parse.GetValue(name)!, ct) is not { } id)
                return AdminCommandLine.Refuse($"There is no {parse.GetValue(kind)} named '{parse.GetValue(name)}'.");
            Print(await quotas.GetAsync(owner, id, ct));
            return 0;
        });
        return command;
    }

    private static (Argument<string> Kind, Argument<string> Name) Account()
    {
        var kind = new Argument<string>("kind") { Description = "user or team" };
        kind.AcceptOnlyFromAmong("user", "team");
        return (kind, new Argument<string>("name"));
    }

    private static OwnerKind Kind(string kind) => kind == "team" ? OwnerKind.Team : OwnerKind.User;

    private static void Print(AccountQuota quota) =>
        Console.WriteLine($"{quota.Kind.ToString().ToLowerInvariant()}\t{quota.Name}\t{quota.UsedBytes}\t{(quota.LimitBytes is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unlimited")}\t{(quota.OwnLimit ? "own" : "default")}");
}
