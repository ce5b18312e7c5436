using System.Collections.Concurrent;

namespace SRegistry.Server.Operations.Metrics;

/// <summary>
/// This instance's counters since it started, as Prometheus counters are (a scraper sums instances and
/// handles restarts). Labels are doors, methods' outcomes and status codes only: never names of
/// repositories, users or anything else a private registry keeps.
/// </summary>
public sealed class RegistryMetrics
{
    /// <summary>Upload duration buckets in seconds: a small SIF takes under a second, a large one on a slow link an hour.</summary>
    private static readonly double[] UploadBuckets = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600];

    private readonly ConcurrentDictionary<(string Door, int Status), StrongBox> _requests = new();
    private readonly ConcurrentDictionary<string, StrongBox> _bytesIn = new();
    private readonly ConcurrentDictionary<string, StrongBox> _bytesOut = new();
    private readonly ConcurrentDictionary<string, StrongBox> _pushes = new();
    private readonly ConcurrentDictionary<string, StrongBox> _pulls = new();
    private readonly ConcurrentDictionary<string, StrongBox> _rateLimited = new();
    private readonly ConcurrentDictionary<string, Histogram> _uploads = new();

    public void CountRequest(string door, int status) => Add(_requests, (door, status), 1);

    public void CountBytes(string door, long received, long sent)
    {
        if (received > 0) Add(_bytesIn, door, received);
        if (sent > 0) Add(_bytesOut, door, sent);
    }

    public void CountPush(string door) => Add(_pushes, door, 1);

    public void CountPull(string door) => Add(_pulls, door, 1);

    /// <summary>A request refused by the rate limiter; <paramref name="kind"/> is read or write.</summary>
    public void CountRateLimited(string kind) => Add(_rateLimited, kind, 1);

    public void ObserveUpload(string door, TimeSpan duration) =>
        _uploads.GetOrAdd(door, _ => new Histogram(UploadBuckets)).Observe(duration.TotalSeconds);

    public IEnumerable<((string Door, int Status) Labels, long Value)> Requests => Snapshot(_requests);

    public IEnumerable<(string Door, long Value)> BytesIn => Snapshot(_bytesIn);

    public IEnumerable<(string Door, long Value)> BytesOut => Snapshot(_bytesOut);

    public IEnumerable<(string Door, long Value)> Pushes => Snapshot(_pushes);

    public IEnumerable<(string Door, long Value)> Pulls => Snapshot(_pulls);

    public IEnumerable<(string Kind, long Value)> RateLimited => Snapshot(_rateLimited);

    public IEnumerable<(string Door, Histogram Histogram)> UploadDurations => _uploads.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value));

    private static void Add<TKey>(ConcurrentDictionary<TKey, StrongBox> counters, TKey key, long amount)
        where TKey : notnull => Interlocked.Add(ref counters.GetOrAdd(key, _ => new StrongBox()).Value, amount);

    private static IEnumerable<(TKey, long)> Snapshot<TKey>(ConcurrentDictionary<TKey, StrongBox> counters)
        where TKey : notnull => counters.Select(p => (p.Key, Interlocked.Read(ref p.Value.Value))).OrderBy(p => p.Key.ToString(), StringComparer.Ordinal).ToList();

    /// <summary>A counter cell that Interlocked can update in place.</summary>
    private sealed class StrongBox
    {
        public long Value;
    }
}
