using System.CommandLine;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;

namespace SRegistry.Server.Admin;

/// <summary><c>admin token create|list|revoke|verify</c>: API tokens for clients and CI.</summary>
public static class TokenCommands
{
    public static Command Create(Option<string?> data)
    {
        var token = new Command("token", "Create, list, revoke and verify API tokens.");
        token.Subcommands.Add(CreateCommand(data));
        token.Subcommands.Add(ListCommand(data));
        token.Subcommands.Add(RevokeCommand(data));
        token.Subcommands.Add(VerifyCommand(data));
        return token;
    }

    private static Command CreateCommand(Option<string?> data)
    {
        var user = new Argument<string>("user") { Description = "The user the token acts as." };
        var name = new Option<string>("--name") { Description = "A name for the token, unique for the user (for example laptop, ci).", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = $"Limit the token to these scopes ({string.Join(", ", TokenScopes.All)}); repeat for several. Default: everything the user may.", AllowMultipleArgumentsPerToken = true };
        var days = new Option<int?>("--expires-in-days") { Description = "Make the token stop working after this many days. Default: never." };
        var command = new Command("create", "Create a token; prints it once on standard output (only a hash is stored).") { user, name, scopes, days };
        command.SetAction(async (parse, ct) =>
        {
            if (ExpiryDays.Read(parse.GetValue(days), TimeProvider.System, out var expiresAt) is { } outOfRange)
                return AdminCommandLine.Refuse($"--expires-in-days: {outOfRange}");
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var result = await session.Get<ApiTokenService>().CreateAsync(parse.GetValue(user)!, parse.GetValue(name)!, parse.GetValue(scopes) ?? [], expiresAt, Actor.System, ct);
            if (!result.Succeeded) return AdminCommandLine.Refuse(result.Message);
            Console.WriteLine(result.Value.Secret);
            return 0;
        });
        return command;
    }

    private static Command ListCommand(Option<string?> data)
    {
        var user = new Argument<string>("user");
        var command = new Command("list", "List a user's tokens (never the secrets): name, prefix, scopes, expiry, last use, state.") { user };
        command.SetAction(async (parse, ct) =>
        {
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var result = await session.Get<ApiTokenService>().ListAsync(parse.GetValue(user)!, ct);
            if (!result.Succeeded) return AdminCommandLine.Refuse(result.Message);
            foreach (var token in result.Value) Console.WriteLine(Describe(token));
            return 0;
        });
        return command;
    }

    private static Command RevokeCommand(Option<string?> data)
    {
        var user = new Argument<string>("user");
        var name = new Argument<string>("token") { Description = "The token's name or id." };
        var command = new Command("revoke", "Revoke a token: it stops working at once.") { user, name };
        command.SetAction(async (parse, ct) =>
        {
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var result = await session.Get<ApiTokenService>().RevokeAsync(parse.GetValue(user)!, parse.GetValue(name)!, Actor.System, ct);
            if (!result.Succeeded) return AdminCommandLine.Refuse(result.Message);
            Console.WriteLine(Describe(result.Value));
            return 0;
        });
        return command;
    }

    private static Command VerifyCommand(Option<string?> data)
    {
        var command = new Command("verify", "Read a token from standard input; print its user if it works, exit 1 if not (expired, revoked, disabled user, unknown).");
        command.SetAction(async (parse, ct) =>
        {
            var secret = AdminCommandLine.ReadSecretLine();
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var token = await session.Get<ApiTokenService>().ValidateAsync(secret, ct);
            if (token is null) return AdminCommandLine.Refuse("The token is not valid (unknown, revoked, expired, or its user is disabled).");
            Console.WriteLine($"{token.User.UserName}\t{token.Name}");
            return 0;
        });
        return command;
    }

    private static string Describe(ApiToken token) =>
        string.Join('\t',
            token.Name,
            token.Prefix + "…",
            token.Scopes.Length == 0 ? "all" : string.Join(',', token.Scopes),
            token.ExpiresAt?.ToString("u") ?? "never expires",
            token.LastUsedAt?.ToString("u") ?? "never used",
            token.RevokedAt is null ? "active" : "revoked");
}
