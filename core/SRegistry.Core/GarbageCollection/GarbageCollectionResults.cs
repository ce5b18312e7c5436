namespace SRegistry.Core.GarbageCollection;

/// <summary>The last collection this instance ran, for <c>/metrics</c>. Informational only: nothing decides on it.</summary>
public sealed class GarbageCollectionResults
{
    private readonly Lock _gate = new();
    private GarbageCollectionReport? _last;
    private DateTimeOffset? _finishedAt;

    /// <summary>The last report and when it finished; nulls before the first collection.</summary>
    public (GarbageCollectionReport? Report, DateTimeOffset? FinishedAt) Last
    {
        get
        {
            lock (_gate) return (_last, _finishedAt);
        }
    }

    /// <summary>Remembers a finished collection.</summary>
    public void Record(GarbageCollectionReport report, DateTimeOffset finishedAt)
    {
        lock (_gate)
        {
            _last = report;
            _finishedAt = finishedAt;
        }
    }
}
