using System.CommandLine;
using System.Security.Cryptography;
using SRegistry.Core;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;

namespace SRegistry.Server.Admin;

/// <summary><c>admin user create|list|reset-password|disable|enable|grant-admin|revoke-admin</c>.</summary>
public static class UserCommands
{
    public static Command Create(Option<string?> data)
    {
        var user = new Command("user", "Create and manage local user accounts.");
        user.Subcommands.Add(CreateCommand(data));
        user.Subcommands.Add(ListCommand(data));
        user.Subcommands.Add(ResetPasswordCommand(data));
        user.Subcommands.Add(Toggle(data, "disable", "Disable an account: no sign-in, its tokens stop working.", (a, n, ct) => a.SetActiveAsync(n, false, Actor.System, ct)));
        user.Subcommands.Add(Toggle(data, "enable", "Enable a disabled account.", (a, n, ct) => a.SetActiveAsync(n, true, Actor.System, ct)));
        user.Subcommands.Add(Toggle(data, "grant-admin", "Make a user a registry administrator.", (a, n, ct) => a.SetAdminAsync(n, true, Actor.System, ct)));
        user.Subcommands.Add(Toggle(data, "revoke-admin", "Take administrator rights away from a user.", (a, n, ct) => a.SetAdminAsync(n, false, Actor.System, ct)));
        return user;
    }

    private static Command CreateCommand(Option<string?> data)
    {
        var name = new Argument<string>("name") { Description = "The user name (lowercase letters, digits and . _ - between them); also the user's namespace." };
        var email = new Option<string?>("--email") { Description = "The user's e-mail address." };
        var admin = new Option<bool>("--admin") { Description = "Make the user a registry administrator." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input. Without it the account has no password and uses tokens." };
        var command = new Command("create", "Create a user and the user's own namespace.") { name, email, admin, passwordStdin };
        command.SetAction(async (parse, ct) =>
        {
            var password = parse.GetValue(passwordStdin) ? AdminCommandLine.ReadSecretLine() ?? "" : null;
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var result = await session.Get<AccountService>().CreateUserAsync(parse.GetValue(name)!, parse.GetValue(email), password, parse.GetValue(admin), Actor.System, ct);
            if (!result.Succeeded) return AdminCommandLine.Refuse(result.Message);
            Console.WriteLine(Describe(result.Value));
            if (password is null) Console.Error.WriteLine("No password set: create a token with `sregistry admin token create`, or set one with `sregistry admin user reset-password`.");
            return 0;
        });
        return command;
    }

    private static Command ListCommand(Option<string?> data)
    {
        var command = new Command("list", "List users: name, roles, state, e-mail.");
        command.SetAction(async (parse, ct) =>
        {
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            foreach (var user in await session.Get<AccountService>().ListUsersAsync(ct)) Console.WriteLine(Describe(user));
            return 0;
        });
        return command;
    }

    private static Command ResetPasswordCommand(Option<string?> data)
    {
        var name = new Argument<string>("name");
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the new password from standard input; without it a random one is generated and printed." };
        var command = new Command("reset-password", "Set a new password for a user.") { name, passwordStdin };
        command.SetAction(async (parse, ct) =>
        {
            var generated = !parse.GetValue(passwordStdin);
            var password = generated ? RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20) : AdminCommandLine.ReadSecretLine() ?? "";
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var result = await session.Get<AccountService>().ResetPasswordAsync(parse.GetValue(name)!, password, Actor.System, ct);
            if (!result.Succeeded) return AdminCommandLine.Refuse(result.Message);
            if (generated) Console.WriteLine(password);
            return 0;
        });
        return command;
    }

    private static Command Toggle(Option<string?> data, string verb, string description, Func<AccountService, string, CancellationToken, Task<RegistryResult<User>>> change)
    {
        var name = new Argument<string>("name");
        var command = new Command(verb, description) { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var result = await change(session.Get<AccountService>(), parse.GetValue(name)!, ct);
            if (!result.Succeeded) return AdminCommandLine.Refuse(result.Message);
            Console.WriteLine(Describe(result.Value));
            return 0;
        });
        return command;
    }

    private static string Describe(User user) =>
        $"{user.UserName}\t{(user.IsAdmin ? "admin" : "user")}\t{(user.IsActive ? "active" : "disabled")}\t{user.Email ?? "-"}";
}
