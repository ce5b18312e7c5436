using System.CommandLine;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Audit;
using SRegistry.Core.Images;

namespace SRegistry.Server.Admin;

/// <summary><c>admin blob put|stat</c>: put a file into the content store, or check one is there.</summary>
public static class BlobCommands
{
    public static Command Create(Option<string?> data)
    {
        var blob = new Command("blob", "Put files into and inspect the content-addressed store.");
        blob.Subcommands.Add(PutCommand(data));
        blob.Subcommands.Add(StatCommand(data));
        return blob;
    }

    private static Command PutCommand(Option<string?> data)
    {
        var file = new Argument<FileInfo>("file");
        var command = new Command("put", "Stream a file into the store; prints its sha256 digest.") { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) return AdminCommandLine.Refuse($"No such file: {path.FullName}");
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            await using var content = path.OpenRead();
            var result = await session.Get<ImageStore>().PutAsync(content, new BlobExpectation(Size: path.Length), Actor.System, ct);
            if (!result.Succeeded) return AdminCommandLine.Refuse($"The file changed while it was read ({result.Outcome}); nothing was stored.");
            Console.WriteLine(result.Digest);
            return 0;
        });
        return command;
    }

    private static Command StatCommand(Option<string?> data)
    {
        var digest = new Argument<string>("digest") { Description = "sha256:<hex>, sha256.<hex> or <hex>." };
        var command = new Command("stat", "Print a stored blob's digest, size and creation time; exit 1 if it is not stored.") { digest };
        command.SetAction(async (parse, ct) =>
        {
            if (!BlobDigest.TryParse(parse.GetValue(digest), out var parsed)) return AdminCommandLine.Refuse($"'{parse.GetValue(digest)}' is not a sha256 digest.");
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var info = await session.Get<IBlobStore>().GetInfoAsync(parsed, ct);
            if (info is null || !await session.Get<ImageStore>().ExistsAsync(parsed, ct)) return AdminCommandLine.Refuse($"{parsed} is not stored.");
            Console.WriteLine($"{info.Digest}\t{info.Size}\t{info.CreatedAt:u}");
            return 0;
        });
        return command;
    }
}
