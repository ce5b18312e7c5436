using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SRegistry.Core.Tests.Stars;

/// <summary>
/// Runs <paramref name="rival"/> once, just before the first command whose SQL contains
/// <paramref name="marker"/>: a concurrent request that wins a race at exactly that point.
/// </summary>
internal sealed class BeforeCommandInterceptor(string marker, Func<Task> rival) : DbCommandInterceptor
{
    private bool done;

    /// <summary>Whether the rival ran, so a test can tell the race was staged and not skipped.</summary>
    public bool RivalRan => done;

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RunRivalAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await RunRivalAsync(command);
        return result;
    }

    private async Task RunRivalAsync(DbCommand command)
    {
        if (done || !command.CommandText.Contains(marker, StringComparison.Ordinal))
            return;
        done = true;
        await rival();
    }
}
