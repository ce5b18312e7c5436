namespace SRegistry.Bench;

/// <summary>The library workload's medians and summary lines, and its figures for the final table.</summary>
internal static class LibrarySummary
{
    public static void Print(List<Measurement> results, List<TimeSpan> completions, List<(string When, long Bytes)> serverResident, int rounds)
    {
        Console.WriteLine($"median over {rounds} rounds:");
        var medians = Measurement.Medians(results).OrderBy(m => m.Phase.StartsWith("pull") ? 2 : m.Phase.StartsWith("push") ? 1 : 0).ToList();
        foreach (var median in medians) Console.WriteLine(median.ToStringWithTransfer());

        var fsync = medians.Single(m => m.Phase == LibraryWorkload.ReferencePhase).MegabytesPerSecond;
        foreach (var push in medians.Where(m => m.Phase.StartsWith("push")))
            Console.WriteLine($"{push.Phase} at {push.MegabytesPerSecond / fsync:P0} of the fsync'd write ({push.MegabytesPerSecond:F0} / {fsync:F0} MB/s); "
                + $"its upload alone at {push.TransferMegabytesPerSecond / fsync:P0} ({push.TransferMegabytesPerSecond:F0} MB/s)");
        if (completions.Count > 0)
        {
            var completion = completions.Order().ElementAt(completions.Count / 2);
            Console.WriteLine($"of the upload, the multipart completion (the server assembling, hashing and fsyncing the image) took {completion.TotalSeconds:F2} s (median)");
        }
        foreach (var pull in medians.Where(m => m.Phase.StartsWith("pull")))
            Console.WriteLine($"{pull.Phase}: {pull.MegabytesPerSecond:F0} MB/s, download alone {pull.TransferMegabytesPerSecond:F0} MB/s");
        Console.WriteLine("largest server peak RSS growth in any round: " + string.Join(", ", results
            .Where(r => r.Phase != LibraryWorkload.ReferencePhase).GroupBy(r => r.Phase).Select(g => $"{g.Key} {Measurement.Mib(g.Max(r => r.Growth))}")));
        Console.WriteLine("server RSS " + string.Join(", ", serverResident.Select(r => $"{r.When} {Measurement.Mib(r.Bytes)}")));
        Console.WriteLine("all digests agree");
    }

    /// <summary>Pushes and pulls for the table, as the server's part: the upload and the download, not the client hashing the file before and after.</summary>
    public static void AddTo(Scoreboard scoreboard, List<Measurement> results, long paddingBytes)
    {
        List<Measurement> Moving(Func<string, bool> phase) =>
            [.. results.Where(r => phase(r.Phase)).Select(r => r with { Elapsed = r.Transfer!.Value })];
        var gib = paddingBytes >= 1L << 30 ? $"{paddingBytes >> 30} GiB" : $"{paddingBytes >> 20} MiB";
        var chosen = paddingBytes > 64L << 20 ? "multipart" : "single part";
        scoreboard.AddPush(Figure.FromRounds($"library push, {chosen} (the client's choice; {gib} SIF)", Moving(p => p.StartsWith("push", StringComparison.Ordinal) && p != LibraryWorkload.SinglePartPhase)));
        scoreboard.AddPush(Figure.FromRounds($"library push, single part ({gib} SIF)", Moving(p => p == LibraryWorkload.SinglePartPhase)));
        scoreboard.AddPull(Figure.FromRounds($"library pull, plain ({gib} SIF, cold)", Moving(p => p.StartsWith("pull (plain", StringComparison.Ordinal))));
        scoreboard.AddPull(Figure.FromRounds($"library pull -concurrent {LibraryWorkload.Concurrency} ({gib} SIF, cold)", Moving(p => p.StartsWith("pull -concurrent", StringComparison.Ordinal))));
    }
}
