using System.CommandLine;
using SRegistry.Core.GarbageCollection;

namespace SRegistry.Server.Admin;

/// <summary><c>admin gc [--dry-run] [--verbose]</c>: remove unreferenced blobs and expired uploads, and say what went.</summary>
public static class GcCommands
{
    public static Command Create(Option<string?> data)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be deleted; delete nothing." };
        var verbose = new Option<bool>("--verbose") { Description = "Also print each blob's digest and size." };
        var command = new Command("gc", "Collect garbage: blobs nothing references (after the grace period) and expired upload sessions.") { dryRun, verbose };
        command.SetAction(async (parse, ct) =>
        {
            await using var session = await AdminSession.OpenAsync(parse.GetValue(data), ct);
            var report = await session.Get<GarbageCollector>().RunAsync(parse.GetValue(dryRun), ct);
            var verb = report.DryRun ? "would delete" : "deleted";
            Console.WriteLine($"blobs {verb}\t{report.Blobs.Count}");
            Console.WriteLine($"bytes {verb}\t{report.Bytes}");
            Console.WriteLine($"expired uploads {verb}\t{report.ExpiredUploads}");
            if (parse.GetValue(verbose))
            {
                foreach (var blob in report.Blobs)
                    Console.WriteLine($"{blob.Digest}\t{blob.Size}\t{(blob.Recorded ? "recorded" : "unrecorded")}");
            }

            return 0;
        });
        return command;
    }
}
