using System.CommandLine;
using System.Globalization;
using SRegistry.Core.Images;
using SRegistry.Core.Persistence;

namespace SRegistry.Server.Admin;

/// <summary>
/// <c>admin backup --to DIR</c> and <c>admin restore --from DIR</c>: the database as a pg_dump file plus
/// an inventory of the blobs it references. Blobs themselves are backed up with the store's own tools
/// (a copy of the blob directory, bucket versioning or replication); restore checks they are all there.
/// </summary>
public static class BackupCommands
{
    private const string DumpFile = "database.dump";
    private const string InventoryFile = "blobs.tsv";

    public static Command CreateBackup(Option<string?> data)
    {
        var to = new Option<DirectoryInfo>("--to") { Description = "A new or empty directory for the backup.", Required = true };
        var command = new Command("backup", $"Dump the database ({DumpFile}) and list every blob it references with its size ({InventoryFile}).") { to };
        command.SetAction(async (parse, ct) =>
        {
            var directory = parse.GetValue(to)!;
            if (directory.Exists && directory.EnumerateFileSystemInfos().Any())
                return AdminCommandLine.Refuse($"{directory.FullName} is not empty; back up into a new or empty directory.");
            directory.Create();
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            await DatabaseDump.WriteAsync(session.ConnectionString, Path.Combine(directory.FullName, DumpFile), ct);
            var inventory = await session.Get<BlobInventory>().ReadAsync(ct);
            await File.WriteAllLinesAsync(Path.Combine(directory.FullName, InventoryFile),
                inventory.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Digest}\t{b.Size}")), ct);
            Console.Error.WriteLine($"Backed up the database and an inventory of {inventory.Count} blobs to {directory.FullName}. Back up the blob store too.");
            Console.WriteLine(directory.FullName);
            return 0;
        });
        return command;
    }

    public static Command CreateRestore(Option<string?> data)
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "A directory made by 'admin backup'.", Required = true };
        var command = new Command("restore", "Load a backup into an empty database, then check the blob store holds every blob it references.") { from };
        command.SetAction(async (parse, ct) =>
        {
            var dump = Path.Combine(parse.GetValue(from)!.FullName, DumpFile);
            if (!File.Exists(dump))
                return AdminCommandLine.Refuse($"{dump} does not exist; name a directory made by 'sregistry admin backup'.");
            await using (var empty = await AdminSession.OpenAsync(parse.GetValue(data), ct, migrate: false))
            {
                if (!await DatabaseDump.IsEmptyAsync(empty.ConnectionString, ct))
                    return AdminCommandLine.Refuse("The database is not empty; restore into a new, empty database (nothing was changed).");
                await DatabaseDump.RestoreAsync(empty.ConnectionString, dump, ct);
            }

            // Opening again applies migrations a newer server has that the backup lacks.
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var missing = await session.Get<BlobInventory>().FindMissingAsync(ct);
            foreach (var (digest, size, stored) in missing)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"missing\t{digest}\t{size}\t{(stored is { } s ? $"store has {s} bytes" : "not in the store")}"));
            if (missing.Count > 0)
                return AdminCommandLine.Refuse($"The database is restored, but the blob store lacks {missing.Count} referenced blob(s) (listed above); restore them from the blob store's backup.");
            Console.Error.WriteLine("Restored the database; every referenced blob is in the store.");
            return 0;
        });
        return command;
    }
}
