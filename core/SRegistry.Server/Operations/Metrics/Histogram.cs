namespace SRegistry.Server.Operations.Metrics;

/// <summary>A Prometheus histogram: cumulative bucket counts, a sum and a count, updated lock-free.</summary>
public sealed class Histogram(double[] upperBounds)
{
    private readonly long[] _buckets = new long[upperBounds.Length];
    private long _count;
    private long _sumMicros;

    public IReadOnlyList<double> UpperBounds => upperBounds;

    public void Observe(double value)
    {
        for (var i = 0; i < upperBounds.Length; i++)
        {
            if (value <= upperBounds[i]) Interlocked.Increment(ref _buckets[i]);
        }

        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumMicros, (long)(value * 1_000_000));
    }

    /// <summary>The cumulative count of observations at or below each bound.</summary>
    public long BucketCount(int index) => Interlocked.Read(ref _buckets[index]);

    public long Count => Interlocked.Read(ref _count);

    public double Sum => Interlocked.Read(ref _sumMicros) / 1_000_000.0;
}
